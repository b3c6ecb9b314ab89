import { fileURLToPath } from 'node:url';
import { COMMON_SETTINGS } from './common-settings.ts';
import { integer, list, text, url } from './parsers.ts';
import { PROCESSOR_SETTINGS } from './process-config.ts';
import { REDIS_SETTINGS } from './redis-settings.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { SITE_SETTINGS } from './site-settings.ts';
import { TARIFF_SETTINGS } from './tariff-settings.ts';

/**
 * The dashboard `npm run build` (and `npm ci`, through `prepare`) puts in the package's own
 * frontend/dist: found from this file, so `serve` shows it whatever the working directory
 * (src/config/ and dist/config/ are both two levels below the package root).
 */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../frontend/dist', import.meta.url));

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
  wsMaxClients: defineSetting({
    env: 'WS_MAX_CLIENTS',
    flag: 'ws-max-clients',
    describe: 'WebSocket clients one serve instance accepts; more are closed with 1013 (try again later)',
    default: 2000,
    ...integer(1, 100_000),
  }),
  wsMaxBufferBytes: defineSetting({
    env: 'WS_MAX_BUFFER_BYTES',
    flag: 'ws-max-buffer-bytes',
    describe: 'unsent bytes allowed per WebSocket client; a client reading slower is dropped',
    default: 1_048_576,
    ...integer(16_384, 268_435_456),
  }),
  wsPingMs: defineSetting({
    env: 'WS_PING_MS',
    flag: 'ws-ping-ms',
    describe: 'interval of WebSocket ping frames; a client missing a pong for two intervals is closed',
    default: 15_000,
    ...integer(100, 600_000),
  }),
  rateLimit: defineSetting({
    env: 'API_RATE_LIMIT',
    flag: 'rate-limit',
    describe: 'requests per second per client address on expensive endpoints (bursts of twice that); 0 = off',
    default: 20,
    ...integer(0, 1_000_000),
  }),
  dashboardDir: defineSetting({
    env: 'DASHBOARD_DIR',
    flag: 'dashboard-dir',
    describe: 'built dashboard served at / (with SPA fallback) when the folder exists',
    default: DEFAULT_DASHBOARD_DIR,
    ...text({ maxLength: 4096, what: 'a folder path' }),
  }),
} as const;

/** Store layout settings `serve` must share with the processors to read what they wrote. */
export const STORE_READ_SETTINGS = {
  sensorTtlSeconds: PROCESSOR_SETTINGS.sensorTtlSeconds,
  offlineAfterIntervals: PROCESSOR_SETTINGS.offlineAfterIntervals,
  historyBucketMs: PROCESSOR_SETTINGS.historyBucketMs,
  historyPoints: PROCESSOR_SETTINGS.historyPoints,
  fleetHistoryDays: PROCESSOR_SETTINGS.fleetHistoryDays,
  alertsMax: PROCESSOR_SETTINGS.alertsMax,
  heartbeatIntervalMs: PROCESSOR_SETTINGS.heartbeatIntervalMs,
} as const;

export const SERVE_SETTINGS = {
  ...COMMON_SETTINGS,
  ...REDIS_SETTINGS,
  ...SITE_SETTINGS,
  ...STORE_READ_SETTINGS,
  ...TARIFF_SETTINGS,
  ...SERVER_SETTINGS,
} as const;

export type ServeConfig = ConfigOf<typeof SERVE_SETTINGS>;
export const DEFAULT_SERVE_CONFIG: ServeConfig = defaultsOf(SERVE_SETTINGS);
