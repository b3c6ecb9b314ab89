import { COMMON_SETTINGS } from './common-settings.ts';
import { boolean, integer, text } from './parsers.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';

/** Settings of the dev Kafka-protocol broker (development and tests only; production runs Apache Kafka). */
export const BROKER_SETTINGS = {
  brokerHost: defineSetting({
    env: 'BROKER_HOST',
    flag: 'broker-host',
    describe: 'address the dev broker listens on',
    default: '127.0.0.1',
    ...text({ pattern: /^[A-Za-z0-9.:-]{1,255}$/, what: 'a host name or IP address' }),
  }),
  brokerPort: defineSetting({
    env: 'BROKER_PORT',
    flag: 'broker-port',
    describe: 'port the dev broker listens on (0 = any free port)',
    default: 9092,
    ...integer(0, 65535),
  }),
  advertisedHost: defineSetting({
    env: 'BROKER_ADVERTISED_HOST',
    flag: 'advertised-host',
    describe: 'host name clients are told to connect to (defaults to the listen address)',
    default: '',
    ...text({ allowEmpty: true, pattern: /^[A-Za-z0-9.:-]{0,255}$/, what: 'a host name or IP address' }),
  }),
  defaultPartitions: defineSetting({
    env: 'BROKER_DEFAULT_PARTITIONS',
    flag: 'default-partitions',
    describe: 'partitions of auto-created topics',
    default: 1,
    ...integer(1, 1000),
  }),
  autoCreateTopics: defineSetting({
    env: 'BROKER_AUTO_CREATE_TOPICS',
    flag: 'auto-create-topics',
    describe: 'create unknown topics on first metadata request, as Kafka does by default',
    default: true,
    boolean: true,
    ...boolean(),
  }),
  retentionBytes: defineSetting({
    env: 'BROKER_RETENTION_BYTES',
    flag: 'retention-bytes',
    describe: 'bytes kept per partition before the oldest batches are dropped',
    default: 256 * 1024 * 1024,
    ...integer(1024, Number.MAX_SAFE_INTEGER),
  }),
  retentionMs: defineSetting({
    env: 'BROKER_RETENTION_MS',
    flag: 'retention-ms',
    describe: 'age after which batches are dropped, in milliseconds',
    default: 3_600_000,
    ...integer(1000, Number.MAX_SAFE_INTEGER),
  }),
  maxMessageBytes: defineSetting({
    env: 'BROKER_MESSAGE_MAX_BYTES',
    flag: 'message-max-bytes',
    describe: "largest record batch accepted (Kafka's message.max.bytes)",
    default: 1_048_588,
    ...integer(1024, 100 * 1024 * 1024),
  }),
  minSessionTimeoutMs: defineSetting({
    env: 'BROKER_MIN_SESSION_TIMEOUT_MS',
    flag: 'min-session-timeout-ms',
    describe: "shortest consumer session timeout accepted (Kafka's group.min.session.timeout.ms)",
    default: 6_000,
    ...integer(1, 3_600_000),
  }),
  maxSessionTimeoutMs: defineSetting({
    env: 'BROKER_MAX_SESSION_TIMEOUT_MS',
    flag: 'max-session-timeout-ms',
    describe: "longest consumer session timeout accepted (Kafka's group.max.session.timeout.ms)",
    default: 1_800_000,
    ...integer(1, 3_600_000),
  }),
  initialRebalanceDelayMs: defineSetting({
    env: 'BROKER_INITIAL_REBALANCE_DELAY_MS',
    flag: 'initial-rebalance-delay-ms',
    describe:
      "how long a new group waits for more members before its first rebalance (Kafka's group.initial.rebalance.delay.ms)",
    default: 3_000,
    ...integer(0, 300_000),
  }),
} as const;

export const BROKER_CONFIG_SETTINGS = { ...COMMON_SETTINGS, ...BROKER_SETTINGS } as const;

export type BrokerConfig = ConfigOf<typeof BROKER_CONFIG_SETTINGS>;
export const DEFAULT_BROKER_CONFIG: BrokerConfig = defaultsOf(BROKER_CONFIG_SETTINGS);
