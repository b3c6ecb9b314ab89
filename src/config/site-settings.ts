import { hostname } from 'node:os';
import { integer, text, timeZone } from './parsers.ts';
import { defineSetting } from './setting.ts';

/** Facts about the site that several processes must agree on. */
export const SITE_SETTINGS = {
  timeZone: defineSetting({
    env: 'SITE_TIMEZONE',
    flag: 'timezone',
    describe: 'time zone of the plant: shifts, night, weekends and tariff windows follow it',
    default: 'UTC',
    ...timeZone(),
  }),
  sensorIntervalMs: defineSetting({
    env: 'SENSOR_INTERVAL_MS',
    flag: 'interval-ms',
    describe: 'how often each sensor reports, in milliseconds',
    default: 1000,
    ...integer(50, 3_600_000),
  }),
} as const;

/** Who this host is, as written into readings and heartbeats. */
export const HOST_SETTINGS = {
  hostIp: defineSetting({
    env: 'HOST_IP',
    flag: 'host-ip',
    describe: 'name or address of this host as reported in data (producer_host)',
    default: hostname(),
    ...text({ maxLength: 255, pattern: /^[^\s]+$/, what: 'a host name or address without spaces' }),
  }),
} as const;
