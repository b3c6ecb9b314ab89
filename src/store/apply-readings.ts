/**
 * Sends phase 1 of a chunk write: the apply script over the chunk's readings, grouped into calls as
 * `groups` says, in one pipeline. Returns one reply record per reading, in the chunk's order.
 */
import type { Redis } from 'ioredis';
import { type ApplyReply, parseApplyReplies } from './apply-replies.ts';
import { type ApplyRowEncoder, createApplyRowEncoder } from './apply-row.ts';
import { keySlot } from './key-slot.ts';
import { repliesOf } from './pipeline-replies.ts';
import type { ScoredReading } from './sensor-hash.ts';
import type { StoreOptions } from './store-options.ts';
import { registerStoreScripts } from './store-scripts.ts';

/** `chunk`: one script call per chunk (standalone Redis); `slot`: one per cluster slot (Redis Cluster). */
export type ApplyGroups = 'chunk' | 'slot';

export interface ReadingApplier {
  /** Applies `items` (phase 1) and returns their replies (see apply-readings-script.ts). */
  apply(items: readonly ScoredReading[], at: Date): Promise<ApplyReply[]>;
}

/** An applier on `redis`. */
export function createReadingApplier(
  redis: Redis,
  store: StoreOptions,
  groups: ApplyGroups = 'chunk',
): ReadingApplier {
  registerStoreScripts(redis);
  const rows = createApplyRowEncoder();
  return { apply: (items, at) => applyChunk(redis, store, groups, rows, items, at) };
}

async function applyChunk(
  redis: Redis,
  store: StoreOptions,
  groups: ApplyGroups,
  encoder: ApplyRowEncoder,
  items: readonly ScoredReading[],
  at: Date,
): Promise<ApplyReply[]> {
  const { keys, historyBucketMs } = store;
  const byGroup = new Map<number, number[]>();
  items.forEach((item, i) => {
    const group = groups === 'slot' ? keySlot(keys.sensor(item.reading.sensor_id)) : 0;
    const list = byGroup.get(group);
    if (list) list.push(i);
    else byGroup.set(group, [i]);
  });
  const processedAt = at.toISOString();
  const pipeline = redis.pipeline();
  for (const indexes of byGroup.values()) {
    const keyList: string[] = [];
    for (const i of indexes) {
      const item = items[i] as ScoredReading;
      const id = item.reading.sensor_id;
      keyList.push(keys.sensor(id), keys.sensorHistory(id));
      encoder.add(item, processedAt, historyBucketMs);
    }
    pipeline.wwApplyReadingsBuffer(
      keyList.length,
      ...keyList,
      // refreshed with the indexes (at least every indexRefreshMs): lives sensorTtlMs after the last reading
      store.sensorTtlMs + store.indexRefreshMs,
      store.sensorTtlMs + historyBucketMs,
      store.historyPoints,
      at.getTime(),
      store.indexRefreshMs,
      // a string, not a Buffer: one Buffer argument makes ioredis convert every key to a Buffer too
      encoder.take(),
    );
  }
  const perGroup = repliesOf(await pipeline.exec(), 'apply');
  const replies: ApplyReply[] = new Array(items.length);
  [...byGroup.values()].forEach((indexes, g) => {
    const groupReplies = parseApplyReplies(perGroup[g] as Buffer, indexes.length);
    indexes.forEach((itemIndex, k) => {
      replies[itemIndex] = groupReplies[k] as ApplyReply;
    });
  });
  return replies;
}
