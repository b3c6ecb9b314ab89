import { boolean, hostPort, integer, list, oneOf, text } from './parsers.ts';
import { defineSetting } from './setting.ts';

const TOPIC = { pattern: /^[A-Za-z0-9._-]{1,249}$/, what: 'a Kafka topic name ([A-Za-z0-9._-], up to 249)' };

/** How to reach Kafka (Apache Kafka in production, the dev broker locally) and the topic names. */
export const KAFKA_SETTINGS = {
  brokers: defineSetting({
    env: 'KAFKA_BROKERS',
    flag: 'brokers',
    describe: 'Kafka bootstrap servers',
    default: ['127.0.0.1:9092'],
    ...list(hostPort(), { min: 1 }),
  }),
  clientId: defineSetting({
    env: 'KAFKA_CLIENT_ID',
    flag: 'client-id',
    describe: 'Kafka client id (shows in broker logs and group descriptions)',
    default: 'wattwatch',
    ...text({ pattern: /^[A-Za-z0-9._-]{1,100}$/, what: 'letters, digits, . _ -' }),
  }),
  topic: defineSetting({
    env: 'KAFKA_TOPIC',
    flag: 'topic',
    describe: 'topic of sensor readings',
    default: 'sensor-data',
    ...text(TOPIC),
  }),
  heartbeatTopic: defineSetting({
    env: 'KAFKA_HEARTBEAT_TOPIC',
    flag: 'heartbeat-topic',
    describe: 'topic of producer heartbeats',
    default: 'producer-heartbeat',
    ...text(TOPIC),
  }),
  alertsTopic: defineSetting({
    env: 'KAFKA_ALERTS_TOPIC',
    flag: 'alerts-topic',
    describe: 'topic where readings that turned critical are republished',
    default: 'sensor-alerts',
    ...text(TOPIC),
  }),
  partitions: defineSetting({
    env: 'KAFKA_PARTITIONS',
    flag: 'partitions',
    describe: 'partitions of the readings topic when this process creates it',
    default: 12,
    ...integer(1, 1000),
  }),
  ssl: defineSetting({
    env: 'KAFKA_SSL',
    flag: 'kafka-ssl',
    describe: 'connect to Kafka over TLS',
    default: false,
    boolean: true,
    ...boolean(),
  }),
  saslMechanism: defineSetting({
    env: 'KAFKA_SASL_MECHANISM',
    flag: 'sasl-mechanism',
    describe: 'SASL authentication mechanism',
    default: 'none' as const,
    ...oneOf(['none', 'plain', 'scram-sha-256', 'scram-sha-512'] as const),
  }),
  saslUsername: defineSetting({
    env: 'KAFKA_SASL_USERNAME',
    flag: 'sasl-username',
    describe: 'SASL user name',
    default: '',
    ...text({ allowEmpty: true, maxLength: 255 }),
  }),
  saslPassword: defineSetting({
    env: 'KAFKA_SASL_PASSWORD',
    flag: 'sasl-password',
    describe: 'SASL password (prefer the environment to the flag)',
    default: '',
    secret: true,
    ...text({ allowEmpty: true, maxLength: 1024 }),
  }),
} as const;
