/**
 * The consumer-group input: a kafkajs consumer (eachBatch) as a `BatchInput`. An offset is resolved
 * only when the handler acknowledges the chunk that contains it, that is after its Redis writes (and
 * DLQ sends) succeeded, and kafkajs commits resolved offsets only; so a crash at any point replays
 * from the last stored chunk and never skips one. While a batch is handled, each ack also heartbeats
 * the group, sets the partition's lag gauge and tells the backlog tracker how old the stored data is. Kafka outages: connecting retries with backoff until
 * it works (logged once per attempt), and a consumer that crashes mid-run is restarted by kafkajs
 * (logged); data waits, nothing is skipped.
 */
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Logger } from '../log/logger.ts';
import { type BacklogTracker, createBacklogTracker } from './backlog-tracker.ts';
import type { BatchHandler, BatchInput, RawMessage } from './input.ts';
import type { ProcessorMetrics } from './processor-metrics.ts';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions, RetryStoppedError, withRetry } from './with-retry.ts';

export interface KafkaInputOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Partitions handled at the same time. */
  readonly concurrency: number;
  readonly sessionTimeoutMs: number;
  /** Longest wait of a fetch when there is no data (latency floor when idle). */
  readonly maxWaitTimeInMs: number;
  /** How often resolved offsets are committed while a batch runs (they are also committed after it). */
  readonly commitIntervalMs: number;
  readonly retry?: RetryOptions;
}

export const DEFAULT_KAFKA_INPUT_OPTIONS = {
  concurrency: 4,
  sessionTimeoutMs: 30_000,
  maxWaitTimeInMs: 500,
  commitIntervalMs: 1000,
} as const;

export type KafkaInputState = 'connecting' | 'joined' | 'restarting' | 'stopped';

export interface KafkaInput extends BatchInput {
  /** Where the consumer is: `joined` once it holds its group membership. */
  state(): KafkaInputState;
}

/** An input reading `options.topics` as member of `options.groupId`. */
export function createKafkaInput(
  kafka: Kafka,
  options: KafkaInputOptions,
  parts: { readonly log: Logger; readonly metrics: ProcessorMetrics; readonly backlog?: BacklogTracker },
): KafkaInput {
  const { log, metrics } = parts;
  const backlog = parts.backlog ?? createBacklogTracker();
  let state: KafkaInputState = 'connecting';
  return {
    state: () => state,
    async run(handler, signal) {
      const consumer = kafka.consumer({
        groupId: options.groupId,
        sessionTimeout: options.sessionTimeoutMs,
        heartbeatInterval: Math.max(100, Math.floor(options.sessionTimeoutMs / 10)),
        rebalanceTimeout: Math.max(60_000, options.sessionTimeoutMs),
        maxWaitTimeInMs: options.maxWaitTimeInMs,
        retry: {
          initialRetryTime: 300,
          maxRetryTime: 10_000,
          retries: 8,
          restartOnFailure: async () => true,
        },
      });
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        state = 'joined';
        backlog.reset(); // a new assignment: partitions we no longer hold must not count
        log.info('joined the consumer group', {
          group: options.groupId,
          member: payload.memberId,
          assigned: payload.memberAssignment,
        });
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        state = payload.restart ? 'restarting' : 'stopped';
        log.warn('Kafka consumer failed; kafkajs restarts it', {
          error: payload.error,
          restart: payload.restart,
        });
      });
      const retry = { log, isActive: () => !signal?.aborted, ...(signal ? { signal } : {}) };
      const retryOptions = options.retry ?? DEFAULT_RETRY_OPTIONS;
      try {
        await withRetry(() => consumer.connect(), { ...retry, what: 'connect to Kafka' }, retryOptions);
        await withRetry(
          () => consumer.subscribe({ topics: [...options.topics], fromBeginning: true }),
          { ...retry, what: 'subscribe to Kafka topics' },
          retryOptions,
        );
        await consumer.run({
          autoCommit: true,
          autoCommitInterval: options.commitIntervalMs,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: options.concurrency,
          eachBatch: (payload) => handleBatch(payload, handler, metrics, backlog),
        });
        await aborted(signal);
      } catch (error) {
        // stopped before Kafka answered: nothing was consumed
        if (!(error instanceof RetryStoppedError)) throw error;
      } finally {
        await stopConsumer(consumer, log);
      }
      state = 'stopped';
    },
  };
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    else signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

async function handleBatch(
  payload: EachBatchPayload,
  handler: BatchHandler,
  metrics: ProcessorMetrics,
  backlog: BacklogTracker,
): Promise<void> {
  const { batch } = payload;
  const messages: RawMessage[] = batch.messages.map((m) => ({
    topic: batch.topic,
    partition: batch.partition,
    offset: m.offset,
    key: m.key,
    value: m.value,
  }));
  const isActive = () => payload.isRunning() && !payload.isStale();
  const labels = { topic: batch.topic, partition: String(batch.partition) };
  try {
    await handler({
      topic: batch.topic,
      partition: batch.partition,
      messages,
      isActive,
      async ack(count) {
        if (count <= 0) return;
        const offset = (messages[count - 1] as RawMessage).offset;
        payload.resolveOffset(offset);
        const remaining = Math.max(0, Number(batch.highWatermark) - Number(offset) - 1);
        metrics.consumerLag.set(labels, remaining);
        backlog.acked(batch.topic, batch.partition, Number(batch.messages[count - 1]?.timestamp), remaining);
        await payload.commitOffsetsIfNecessary();
        await payload.heartbeat();
      },
    });
  } catch (error) {
    // the partition was revoked or we are stopping while a write was being retried: nothing of
    // the unfinished chunk was acknowledged, its new owner (or our restart) processes it again
    if (error instanceof RetryStoppedError) return;
    throw error;
  }
}

async function stopConsumer(consumer: Consumer, log: Logger): Promise<void> {
  try {
    await consumer.disconnect();
  } catch (error) {
    log.warn('leaving the consumer group failed; the group evicts this member after its session timeout', {
      error,
    });
  }
}
