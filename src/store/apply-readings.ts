/**
 * Sends phase 1 of a chunk write: the apply script over the chunk's readings, grouped into calls as
 * `groups` says, in one pipeline; rows the script refused for lack of cold values (`c`, rare: a
 * sensor another writer changed) go once more with them. Returns, per reading in chunk order, its
 * reply line and the row it was sent as.
 */
import type { Redis } from 'ioredis';
import { type EncodedRow, encodeRows } from './apply-row.ts';
import { keySlot } from './key-slot.ts';
import { repliesOf } from './pipeline-replies.ts';
import type { ScoredReading } from './sensor-hash.ts';
import type { SensorMemory } from './sensor-memory.ts';
import type { StoreOptions } from './store-options.ts';
import { registerStoreScripts } from './store-scripts.ts';

/** `chunk`: one script call per chunk (standalone Redis); `slot`: one per cluster slot (Redis Cluster). */
export type ApplyGroups = 'chunk' | 'slot';

export interface AppliedRow {
  readonly line: string;
  readonly row: EncodedRow;
}

export interface ReadingApplier {
  /** Applies `items` (phase 1); `memory` is read, never changed. */
  apply(items: readonly ScoredReading[], at: Date, memory: SensorMemory): Promise<AppliedRow[]>;
}

/** An applier on `redis`. */
export function createReadingApplier(
  redis: Redis,
  store: StoreOptions,
  groups: ApplyGroups = 'chunk',
): ReadingApplier {
  registerStoreScripts(redis);
  return {
    async apply(items, at, memory) {
      const context = { nowMs: at.getTime(), refreshMs: store.indexRefreshMs };
      const rows = encodeRows(items, memory, context);
      const lines = await send(redis, store, groups, items, rows, at);
      const refused = lines.flatMap((line, i) => (line === 'c' ? [i] : []));
      if (refused.length > 0) {
        const again = refused.map((i) => items[i] as ScoredReading);
        const retryRows = encodeRows(again, memory, { ...context, forceCold: true });
        const retried = await send(redis, store, groups, again, retryRows, at);
        refused.forEach((i, k) => {
          lines[i] = retried[k] as string;
          rows[i] = retryRows[k] as EncodedRow;
        });
      }
      return lines.map((line, i) => ({ line, row: rows[i] as EncodedRow }));
    },
  };
}

async function send(
  redis: Redis,
  store: StoreOptions,
  groups: ApplyGroups,
  items: readonly ScoredReading[],
  rows: readonly EncodedRow[],
  at: Date,
): Promise<string[]> {
  const { keys } = store;
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
    const keyList = indexes.map((i) => keys.sensor((items[i] as ScoredReading).reading.sensor_id));
    // a string, not a Buffer: one Buffer argument makes ioredis convert every key to a Buffer too
    const payload = `[${indexes.map((i) => (rows[i] as EncodedRow).json).join(',')}]`;
    pipeline.wwApplyReadings(
      keyList.length,
      ...keyList,
      store.sensorTtlMs,
      at.getTime(),
      store.indexRefreshMs,
      processedAt,
      payload,
    );
  }
  const perGroup = repliesOf(await pipeline.exec(), 'apply');
  const lines: string[] = new Array(items.length);
  [...byGroup.values()].forEach((indexes, g) => {
    const groupLines = String(perGroup[g]).split('\n');
    indexes.forEach((itemIndex, k) => {
      lines[itemIndex] = groupLines[k] ?? '';
    });
  });
  return lines;
}
