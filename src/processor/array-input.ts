/**
 * A `BatchInput` over messages held in memory, shaped like a Kafka consumer: messages are grouped by
 * partition, each partition is fed in offset order as batches of `batchSize`, and up to `concurrency`
 * partitions are handled at once (kafkajs' partitionsConsumedConcurrently). Used by tests and by the
 * store-only benchmark; it records what was acknowledged so tests can assert it.
 */
import type { BatchHandler, BatchInput, InputBatch, RawMessage } from './input.ts';

export interface ArrayInputOptions {
  readonly batchSize: number;
  readonly concurrency: number;
}

export interface ArrayInput extends BatchInput {
  /** Per partition, how many messages have been acknowledged. */
  acked(): ReadonlyMap<number, number>;
}

/** An input that plays `messages` once. */
export function createArrayInput(messages: readonly RawMessage[], options: ArrayInputOptions): ArrayInput {
  const partitions = new Map<number, RawMessage[]>();
  for (const message of messages) {
    const list = partitions.get(message.partition);
    if (list) list.push(message);
    else partitions.set(message.partition, [message]);
  }
  const acked = new Map<number, number>();
  return {
    acked: () => acked,
    async run(handler: BatchHandler, signal?: AbortSignal) {
      const queue = [...partitions.keys()];
      const lane = async () => {
        for (let partition = queue.shift(); partition !== undefined; partition = queue.shift()) {
          const list = partitions.get(partition) ?? [];
          for (let from = 0; from < list.length && !signal?.aborted; from += options.batchSize) {
            await handler(batchOf(list, from, options.batchSize, acked, signal));
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane));
    },
  };
}

function batchOf(
  list: readonly RawMessage[],
  from: number,
  size: number,
  acked: Map<number, number>,
  signal: AbortSignal | undefined,
): InputBatch {
  const messages = list.slice(from, from + size);
  const first = messages[0] as RawMessage;
  return {
    topic: first.topic,
    partition: first.partition,
    messages,
    async ack(count) {
      const total = from + count;
      if (total < (acked.get(first.partition) ?? 0)) throw new Error('acks must not go backwards');
      acked.set(first.partition, total);
    },
    isActive: () => !signal?.aborted,
  };
}
