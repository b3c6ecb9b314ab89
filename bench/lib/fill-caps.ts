/**
 * Fills the fleet history (7 days of 10-s entries) and the alert stream to their caps through the
 * real writers, so a memory figure includes the fleet-level structures at their steady-state size.
 */
import type { Redis } from 'ioredis';
import { createFleetHistoryWriter } from '../../src/store/fleet-history-writer.ts';
import { parseFleetStats } from '../../src/store/fleet-stats.ts';
import type { StoreOptions } from '../../src/store/store-options.ts';

export async function fillToCaps(redis: Redis, store: StoreOptions, startMs: number): Promise<void> {
  const stats = parseFleetStats(await redis.hgetall(store.keys.stats));
  const writer = createFleetHistoryWriter(redis, store);
  const buckets = Math.floor(store.fleetRetentionMs / store.fleetBucketMs);
  // the run wrote a few entries at the wall clock; a full week ending now replaces them
  await redis.del(store.keys.fleetHistory);
  const from = Date.now() - store.fleetRetentionMs;
  for (let i = 0; i < buckets; i += 1000) {
    await Promise.all(
      Array.from({ length: Math.min(1000, buckets - i) }, (_, k) =>
        writer.record(stats, from + (i + k) * store.fleetBucketMs),
      ),
    );
  }
  const missing = store.alertsMaxLen - (await redis.xlen(store.keys.alerts));
  for (let i = 0; i < missing; i += 1000) {
    const pipeline = redis.pipeline();
    for (let k = i; k < Math.min(missing, i + 1000); k++) {
      pipeline.xadd(
        store.keys.alerts,
        'MAXLEN',
        '~',
        store.alertsMaxLen,
        '*',
        'sensor_id',
        `sensor_${String(k % 100_000).padStart(6, '0')}`,
        'severity',
        'critical',
        'reasons',
        '["vibration 7.6 mm/s at or above the 7.1 mm/s ISO 10816 limit"]',
        'ts',
        new Date(startMs + k).toISOString(),
        'seq',
        String(k),
      );
    }
    await pipeline.exec();
  }
}
