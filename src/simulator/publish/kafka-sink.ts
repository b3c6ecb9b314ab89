/**
 * The Kafka side of a producer: a kafkajs Producer behind the BatchSink seam. It connects in the
 * background and keeps retrying with backoff, logging each failure with the brokers it tried,
 * until it is connected or closed; once connected it creates missing topics with their
 * partition counts and reads every topic's actual partition count (an existing topic keeps the
 * operator's count), so producers can compute partitions themselves (publish/reading-packer.ts). Sends use acks = all; kafkajs retries a failed request itself (with backoff)
 * before the send rejects, and the producer loop above decides what happens next.
 *
 * Phase-2 tests can hand in their own connected Producer (`producer`), which is then never
 * disconnected here, and an Admin to create topics with.
 */
import type { Admin, Kafka, Message, Producer } from 'kafkajs';
import { ensureTopics, type TopicSpec } from '../../kafka/ensure-topics.ts';
import { FastKeyPartitioner } from '../../kafka/key-partition.ts';
import type { Logger } from '../../log/logger.ts';
import { type BackoffOptions, createBackoff, DEFAULT_BACKOFF_OPTIONS } from './backoff.ts';
import type { BatchSink, OutMessage } from './batch-sink.ts';
import { type Clock, SYSTEM_CLOCK, settleWithin, sleep } from './clock.ts';

export interface KafkaSinkOptions {
  /** Created when missing, right after connecting. */
  readonly topics: readonly TopicSpec[];
  /** Broker addresses, for log lines only. */
  readonly brokers: readonly string[];
  readonly backoff: BackoffOptions;
  /** How long the broker may take to replicate and acknowledge a batch, ms. */
  readonly ackTimeoutMs: number;
  /** How long close() waits for a connection attempt in progress before giving up on it, ms. */
  readonly closeTimeoutMs: number;
}

export const DEFAULT_KAFKA_SINK_OPTIONS: Omit<KafkaSinkOptions, 'topics' | 'brokers'> = Object.freeze({
  backoff: DEFAULT_BACKOFF_OPTIONS,
  ackTimeoutMs: 30_000,
  closeTimeoutMs: 2_000,
});

export interface KafkaSinkSource {
  /** Builds the producer (and an admin for topic creation) from this client… */
  readonly kafka?: Kafka;
  /** …or uses this producer as given; it is not disconnected on close. */
  readonly producer?: Producer;
  /** Used to create topics when `producer` is given; without it topics are assumed to exist. */
  readonly admin?: Admin;
}

export interface KafkaSink extends BatchSink {
  /** Starts connecting in the background. */
  start(): void;
  /** Stops retrying and disconnects a producer it created. */
  close(): Promise<void>;
}

export function createKafkaSink(
  source: KafkaSinkSource,
  options: Pick<KafkaSinkOptions, 'topics' | 'brokers'> & Partial<KafkaSinkOptions>,
  log: Logger,
  clock: Clock = SYSTEM_CLOCK,
): KafkaSink {
  const o: KafkaSinkOptions = { ...DEFAULT_KAFKA_SINK_OPTIONS, ...options };
  if (!source.producer && !source.kafka)
    throw new Error('createKafkaSink needs a kafka client or a producer');
  const owned = !source.producer;
  const producer =
    source.producer ??
    (source.kafka as Kafka).producer({
      // kafkajs' default choices without its per-message cost (kafka/key-partition.ts).
      createPartitioner: FastKeyPartitioner,
      allowAutoTopicCreation: false,
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 },
    });
  const admin = source.admin ?? source.kafka?.admin();
  const backoff = createBackoff(o.backoff);
  const stop = new AbortController();
  let connected = false;
  let connecting: Promise<void> | undefined;
  const partitionCounts = new Map<string, number>();

  async function connectOnce(): Promise<void> {
    await producer.connect();
    if (!admin) return;
    await admin.connect();
    try {
      const created = await ensureTopics(admin, o.topics);
      if (created.length > 0) log.info('created topics', { topics: created });
      const { topics } = await admin.fetchTopicMetadata({ topics: o.topics.map((t) => t.topic) });
      for (const t of topics) partitionCounts.set(t.name, t.partitions.length);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async function connectLoop(): Promise<void> {
    while (!stop.signal.aborted) {
      try {
        await connectOnce();
        if (stop.signal.aborted) return;
        connected = true;
        log.info('connected to Kafka', { brokers: o.brokers, attempts: backoff.attempts + 1 });
        backoff.reset();
        return;
      } catch (error) {
        if (stop.signal.aborted) return;
        const retryInMs = backoff.next();
        log.error('Kafka unreachable; retrying', {
          brokers: o.brokers,
          attempt: backoff.attempts,
          retryInMs,
          error,
        });
        await sleep(clock, retryInMs, stop.signal);
      }
    }
  }

  return {
    ready: () => connected,
    partitionCount: (topic) => (connected ? partitionCounts.get(topic) : undefined),
    start() {
      connecting ??= connectLoop();
    },
    async send(topic: string, messages: readonly OutMessage[]) {
      await producer.sendBatch({
        acks: -1,
        timeout: o.ackTimeoutMs,
        topicMessages: [{ topic, messages: messages as OutMessage[] as Message[] }],
      });
    },
    async close() {
      stop.abort();
      connected = false;
      if (connecting) await settleWithin(clock, connecting, o.closeTimeoutMs);
      if (owned) await producer.disconnect().catch((error) => log.warn('disconnect failed', { error }));
    },
  };
}
