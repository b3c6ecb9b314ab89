import type { TopicStore } from '../storage/topic-store.ts';
import { decodeRecords, type PeekedRecord } from './decode-records.ts';

export type { PeekedRecord } from './decode-records.ts';

/**
 * Every record still stored in `topic`, partition by partition in offset order, decoded (none and
 * gzip). Async so a later version may use async zlib without changing callers.
 */
export async function peekRecords(topics: TopicStore, topic: string): Promise<PeekedRecord[]> {
  const found = topics.get(topic);
  if (!found) throw new Error(`unknown topic '${topic}'`);
  return found.partitions.flatMap((log, partition) =>
    log.storedBatches().flatMap((batch) => decodeRecords(batch.buffer, partition)),
  );
}
