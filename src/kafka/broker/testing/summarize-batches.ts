import { Compression, readBatchHeader } from '../storage/record-batch-header.ts';
import type { TopicStore } from '../storage/topic-store.ts';

export type CompressionName = keyof typeof Compression;

/** One stored batch as a test sees it, without decoding its records. */
export interface BatchSummary {
  readonly partition: number;
  readonly baseOffset: number;
  readonly recordCount: number;
  readonly compression: CompressionName | 'unknown';
  readonly producerId: number;
  readonly bytes: number;
}

const NAMES = new Map<number, CompressionName>(
  Object.entries(Compression).map(([name, code]) => [code, name as CompressionName]),
);

/** The stored batches of `topic`: proves e.g. that kcat really sent zstd. */
export function summarizeBatches(topics: TopicStore, topic: string): BatchSummary[] {
  const found = topics.get(topic);
  if (!found) throw new Error(`unknown topic '${topic}'`);
  return found.partitions.flatMap((log, partition) =>
    log.storedBatches().map((batch) => {
      const header = readBatchHeader(batch.buffer, 0);
      return {
        partition,
        baseOffset: batch.baseOffset,
        recordCount: header.recordCount,
        compression: NAMES.get(header.attributes & 0x07) ?? 'unknown',
        producerId: header.producerId,
        bytes: batch.buffer.length,
      };
    }),
  );
}
