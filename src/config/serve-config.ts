import { COMMON_SETTINGS } from './common-settings.ts';
import { integer, list, text, url } from './parsers.ts';
import { REDIS_SETTINGS } from './redis-settings.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { SITE_SETTINGS } from './site-settings.ts';

/** Settings of the API, WebSocket and dashboard server. */
export const SERVER_SETTINGS = {
  host: defineSetting({
    env: 'API_HOST',
    flag: 'host',
    describe: 'address to listen on (0.0.0.0 to accept other machines)',
    default: '127.0.0.1',
    ...text({ pattern: /^[A-Za-z0-9.:-]{1,255}$/, what: 'a host name or IP address' }),
  }),
  port: defineSetting({
    env: 'API_PORT',
    flag: 'port',
    describe: 'HTTP port of the API, WebSocket and dashboard',
    default: 8000,
    ...integer(0, 65535),
  }),
  token: defineSetting({
    env: 'API_TOKEN',
    flag: 'token',
    describe: 'bearer token; when set it guards every endpoint, and mutating endpoints always need one',
    default: '',
    secret: true,
    ...text({
      allowEmpty: true,
      maxLength: 512,
      pattern: /^[\x21-\x7e]*$/,
      what: 'printable ASCII without spaces',
    }),
  }),
  allowedOrigins: defineSetting({
    env: 'ALLOWED_ORIGINS',
    flag: 'allowed-origins',
    describe: 'extra browser origins allowed for CORS and the WebSocket (same origin is always allowed)',
    default: [] as string[],
    ...list(url(['http:', 'https:'])),
  }),
  tickMs: defineSetting({
    env: 'WS_TICK_MS',
    flag: 'tick-ms',
    describe: 'interval of WebSocket realtime_update messages, in milliseconds',
    default: 1000,
    ...integer(100, 60_000),
  }),
} as const;

export const SERVE_SETTINGS = {
  ...COMMON_SETTINGS,
  ...REDIS_SETTINGS,
  ...SITE_SETTINGS,
  ...SERVER_SETTINGS,
} as const;

export type ServeConfig = ConfigOf<typeof SERVE_SETTINGS>;
export const DEFAULT_SERVE_CONFIG: ServeConfig = defaultsOf(SERVE_SETTINGS);
