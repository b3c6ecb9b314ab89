import { type BrokerLogger, SILENT_LOGGER } from './broker-logger.ts';

/** Everything `startBroker` can be told. Defaults are Kafka's own where Kafka has one. */
export interface BrokerOptions {
  /** Address to listen on. */
  readonly host: string;
  /** Port to listen on; 0 picks a free one (the handle reports the real port). */
  readonly port: number;
  /** Host clients are told to connect to; '' = `host`. Use one spelling (127.0.0.1, not localhost). */
  readonly advertisedHost: string;
  /** Partitions of topics created by Metadata auto-create or by CreateTopics with -1. */
  readonly defaultPartitions: number;
  /** Kafka's `auto.create.topics.enable`; off lets tests prove an app creates its own topics. */
  readonly autoCreateTopics: boolean;
  /** Bytes kept per partition before the oldest batches go (the newest batch always stays). */
  readonly retentionBytes: number;
  /** Age in ms (since append) after which batches go. */
  readonly retentionMs: number;
  /** Largest record batch accepted, Kafka's `message.max.bytes`; larger ones get MESSAGE_TOO_LARGE. */
  readonly maxMessageBytes: number;
  /** Kafka's `group.min.session.timeout.ms`; tests lower it to get fast evictions. */
  readonly minSessionTimeoutMs: number;
  /** Kafka's `group.max.session.timeout.ms`. */
  readonly maxSessionTimeoutMs: number;
  /** Kafka's `group.initial.rebalance.delay.ms`: how long an empty group waits for more joiners. */
  readonly initialRebalanceDelayMs: number;
  readonly logger: BrokerLogger;
}

export const DEFAULT_BROKER_OPTIONS: BrokerOptions = Object.freeze({
  host: '127.0.0.1',
  port: 9092,
  advertisedHost: '',
  defaultPartitions: 1,
  autoCreateTopics: true,
  retentionBytes: 256 * 1024 * 1024,
  retentionMs: 3_600_000,
  maxMessageBytes: 1_048_588,
  minSessionTimeoutMs: 6_000,
  maxSessionTimeoutMs: 1_800_000,
  initialRebalanceDelayMs: 3_000,
  logger: SILENT_LOGGER,
});
