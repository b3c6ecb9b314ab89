/**
 * Keeps the alert state hash in step with the capped alert stream: recovery (`r:<id>`) and
 * acknowledgement (`k:<id>`) fields of alerts already trimmed from `ww:alerts` are deleted. Works a
 * bounded page per call (HSCAN with a cursor kept between calls), so a sweep never stalls on it.
 */
import type { Redis } from 'ioredis';
import type { StoreOptions } from './store-options.ts';

export interface AlertStateTrimmer {
  /** Deletes the stale fields of one page of the hash; resolves to how many were deleted. */
  trimPage(): Promise<number>;
}

const PAGE = 500;

/** A trimmer that walks the alert state hash across calls. */
export function createAlertStateTrimmer(redis: Redis, store: StoreOptions): AlertStateTrimmer {
  const { keys } = store;
  let cursor = '0';
  return {
    async trimPage() {
      const [first] = (await redis.xrange(keys.alerts, '-', '+', 'COUNT', 1)) as [string, string[]][];
      const [next, flat] = await redis.hscan(keys.alertState, cursor, 'COUNT', PAGE);
      cursor = next;
      const stale: string[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        const field = flat[i] as string;
        if (!field.startsWith('r:') && !field.startsWith('k:')) continue;
        if (!first || olderThan(field.slice(2), first[0])) stale.push(field);
      }
      if (stale.length > 0) await redis.hdel(keys.alertState, ...stale);
      return stale.length;
    },
  };
}

/** Stream ids `ms-seq` in order. */
function olderThan(id: string, than: string): boolean {
  const [ms, seq] = id.split('-').map(Number) as [number, number];
  const [thanMs, thanSeq] = than.split('-').map(Number) as [number, number];
  return ms < thanMs || (ms === thanMs && seq < thanSeq);
}
