import { COMMON_SETTINGS } from './common-settings.ts';
import { KAFKA_SETTINGS } from './kafka-settings.ts';
import { integer, text } from './parsers.ts';
import { REDIS_SETTINGS } from './redis-settings.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { SITE_SETTINGS } from './site-settings.ts';

/** Settings of the stream processor proper. */
export const PROCESSOR_SETTINGS = {
  groupId: defineSetting({
    env: 'KAFKA_GROUP_ID',
    flag: 'group-id',
    describe: 'consumer group shared by every process instance',
    default: 'energy-monitor-consumer-group',
    ...text({ pattern: /^[A-Za-z0-9._-]{1,249}$/, what: 'letters, digits, . _ -' }),
  }),
  chunkSize: defineSetting({
    env: 'PROCESS_CHUNK_SIZE',
    flag: 'chunk-size',
    describe: 'readings processed and written to Redis per step (bounds event-loop blocking)',
    default: 500,
    ...integer(1, 100_000),
  }),
  sensorTtlSeconds: defineSetting({
    env: 'SENSOR_TTL_S',
    flag: 'sensor-ttl',
    describe: "seconds a sensor's latest state lives in Redis after its last reading",
    default: 600,
    ...integer(10, 30 * 24 * 3600),
  }),
  offlineAfterIntervals: defineSetting({
    env: 'OFFLINE_AFTER_INTERVALS',
    flag: 'offline-after',
    describe: 'a sensor silent for this many reporting intervals is marked offline',
    default: 3,
    ...integer(1, 10_000),
  }),
} as const;

export const PROCESS_SETTINGS = {
  ...COMMON_SETTINGS,
  ...KAFKA_SETTINGS,
  ...REDIS_SETTINGS,
  ...SITE_SETTINGS,
  ...PROCESSOR_SETTINGS,
} as const;

export type ProcessConfig = ConfigOf<typeof PROCESS_SETTINGS>;
export const DEFAULT_PROCESS_CONFIG: ProcessConfig = defaultsOf(PROCESS_SETTINGS);
