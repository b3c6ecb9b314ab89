/**
 * Writes `ww:history:fleet`: one entry per fleet bucket (10 s), whose stream id is the bucket's start
 * in ms (`<start>-0`). Redis refuses an XADD whose id is not above the stream's last one, which makes
 * "first writer of a bucket wins" atomic: several processors try, exactly one entry per bucket lands,
 * and no coordination is needed. An entry is the fleet aggregates as the first chunk stored after the
 * bucket began saw them; counters are running totals, so a reader gets per-interval figures by
 * differencing two entries. Entries older than the retention are dropped (MINID ~) as new ones arrive.
 */
import type { Redis } from 'ioredis';
import { createLogger } from '../log/logger.ts';
import type { FleetStats } from './fleet-stats.ts';
import type { StoreOptions } from './store-options.ts';

const log = createLogger('store.fleet-history');

export interface FleetHistoryWriter {
  /** Writes the bucket containing `nowMs` unless this writer or another already did. */
  record(stats: FleetStats, nowMs: number): Promise<'written' | 'taken' | 'skipped'>;
}

/** Fields of a fleet history entry, in stream order. */
export const FLEET_HISTORY_FIELDS = [
  'power_kw',
  'energy_kwh',
  'readings',
  'anomalies',
  'sensors',
  'normal',
  'warning',
  'critical',
  'offline',
] as const;

/** A writer that remembers the last bucket it saw written, so it tries each bucket only once. */
export function createFleetHistoryWriter(redis: Redis, options: StoreOptions): FleetHistoryWriter {
  let lastBucket = -1;
  return {
    async record(stats, nowMs) {
      const bucket = Math.floor(nowMs / options.fleetBucketMs) * options.fleetBucketMs;
      if (bucket <= lastBucket || stats.updated_at === null) return 'skipped';
      const fields = FLEET_HISTORY_FIELDS.flatMap((f) => [f, String(stats[f])]);
      const minId = Math.max(0, nowMs - options.fleetRetentionMs);
      try {
        await redis.xadd(options.keys.fleetHistory, 'MINID', '~', minId, `${bucket}-0`, ...fields);
        lastBucket = bucket;
        return 'written';
      } catch (error) {
        if (!/equal or smaller/.test((error as Error).message)) throw error;
        lastBucket = bucket;
        log.debug('fleet bucket already written by another processor', { bucket });
        return 'taken';
      }
    },
  };
}
