import { COMMON_SETTINGS } from './common-settings.ts';
import { KAFKA_SETTINGS } from './kafka-settings.ts';
import { integer, oneOf, text } from './parsers.ts';
import { REDIS_SETTINGS } from './redis-settings.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { SIMULATOR_SETTINGS } from './simulate-config.ts';
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
  concurrency: defineSetting({
    env: 'PROCESS_CONCURRENCY',
    flag: 'concurrency',
    describe:
      'partitions processed at the same time by one process (overlaps detection with Redis round trips)',
    default: 4,
    ...integer(1, 64),
  }),
  sweepIntervalMs: defineSetting({
    env: 'SWEEP_INTERVAL_MS',
    flag: 'sweep-interval-ms',
    describe: 'how often the offline sweep runs (one process at a time sweeps, under a lease)',
    default: 1000,
    ...integer(100, 600_000),
  }),
  historyBucketMs: defineSetting({
    env: 'SENSOR_HISTORY_BUCKET_MS',
    flag: 'history-bucket-ms',
    describe: 'width of one point of per-sensor history (readings in it are averaged)',
    default: 120_000,
    ...integer(1000, 86_400_000),
  }),
  historyPoints: defineSetting({
    env: 'SENSOR_HISTORY_POINTS',
    flag: 'history-points',
    describe: 'points of per-sensor history kept (about 17 bytes of Redis each)',
    default: 27,
    ...integer(2, 10_000),
  }),
  fleetHistoryDays: defineSetting({
    env: 'FLEET_HISTORY_DAYS',
    flag: 'fleet-history-days',
    describe: 'days of fleet history (one entry per 10 s) kept in Redis',
    default: 7,
    ...integer(1, 365),
  }),
  alertsMax: defineSetting({
    env: 'ALERTS_MAX',
    flag: 'alerts-max',
    describe: 'alert events kept in Redis (approximately; older ones are trimmed)',
    default: 10_000,
    ...integer(100, 10_000_000),
  }),
  heartbeatIntervalMs: defineSetting({
    ...SIMULATOR_SETTINGS.heartbeatIntervalMs,
    describe: 'how often producers publish a heartbeat; a producer is gone after three missed ones',
  }),
  detector: defineSetting({
    env: 'PROCESS_DETECTOR',
    flag: 'detector',
    describe:
      'detector: live = baselines + Isolation Forest with models shared in Redis; rules = the simple placeholder rules',
    default: 'live' as const,
    ...oneOf(['live', 'rules'] as const),
  }),
  metricsPort: defineSetting({
    env: 'PROCESS_METRICS_PORT',
    flag: 'metrics-port',
    describe: 'port of the Prometheus /metrics and /health endpoints (0 = off)',
    default: 9464,
    ...integer(0, 65_535),
  }),
  sessionTimeoutMs: defineSetting({
    env: 'KAFKA_SESSION_TIMEOUT_MS',
    flag: 'session-timeout-ms',
    describe: 'consumer-group session timeout: a crashed instance loses its partitions after this long',
    default: 30_000,
    ...integer(1000, 3_600_000),
  }),
  retryMaxMs: defineSetting({
    env: 'RETRY_MAX_MS',
    flag: 'retry-max-ms',
    describe: 'longest wait between retries of a failed Redis or Kafka write (data is never skipped)',
    default: 10_000,
    ...integer(100, 600_000),
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
