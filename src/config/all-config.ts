import { BROKER_SETTINGS } from './broker-config.ts';
import { COMMON_SETTINGS } from './common-settings.ts';
import { KAFKA_SETTINGS } from './kafka-settings.ts';
import { hostPort, list, orEmpty, url } from './parsers.ts';
import { PROCESSOR_SETTINGS } from './process-config.ts';
import { REDIS_SETTINGS } from './redis-settings.ts';
import { SERVER_SETTINGS } from './serve-config.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { SIMULATOR_SETTINGS } from './simulate-config.ts';
import { HOST_SETTINGS, SITE_SETTINGS } from './site-settings.ts';
import { TARIFF_SETTINGS } from './tariff-settings.ts';

/** Everything in one process (`npm start`): same settings as the parts, embedded defaults. */
export const ALL_SETTINGS = {
  ...COMMON_SETTINGS,
  // five parts logging at info would bury the dashboard URL `all` prints; warnings still show
  logLevel: defineSetting({ ...COMMON_SETTINGS.logLevel, default: 'warn' as const }),
  ...KAFKA_SETTINGS,
  brokers: defineSetting({
    ...KAFKA_SETTINGS.brokers,
    describe: 'Kafka bootstrap servers; none = start the embedded dev broker',
    default: [] as string[],
    ...list(hostPort()),
  }),
  ...REDIS_SETTINGS,
  // Empty by default rather than 127.0.0.1:6379: a Redis already there may be someone else's (a shared
  // machine, another project), and a demo must not write into it unless asked to.
  redisUrl: defineSetting({
    ...REDIS_SETTINGS.redisUrl,
    describe:
      'Redis URL (a password goes in it as redis://:secret@host:6379); none = a private redis-server ' +
      'started on a free port and stopped on exit',
    default: '',
    ...orEmpty(url(['redis:', 'rediss:'])),
  }),
  ...SITE_SETTINGS,
  ...HOST_SETTINGS,
  ...BROKER_SETTINGS,
  brokerPort: defineSetting({ ...BROKER_SETTINGS.brokerPort, default: 0 }),
  // one consumer in one process: nobody else is coming to join the group, so do not wait for them
  initialRebalanceDelayMs: defineSetting({ ...BROKER_SETTINGS.initialRebalanceDelayMs, default: 0 }),
  ...SIMULATOR_SETTINGS,
  ...PROCESSOR_SETTINGS,
  // off by default: the demo has serve's /metrics, and a fixed second port is one more thing to collide
  metricsPort: defineSetting({ ...PROCESSOR_SETTINGS.metricsPort, default: 0 }),
  ...TARIFF_SETTINGS,
  ...SERVER_SETTINGS,
} as const;

export type AllConfig = ConfigOf<typeof ALL_SETTINGS>;
export const DEFAULT_ALL_CONFIG: AllConfig = defaultsOf(ALL_SETTINGS);
