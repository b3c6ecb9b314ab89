/**
 * Checks shared by the processor's crash-safety acceptance tests. What they check does not depend on
 * the detector (whose memory a restart loses): every sensor holds its last reading, its
 * applied-readings counter equals its readings in the topic, the fleet counts equal the sums of the
 * per-sensor counters, and the alert stream holds one event per transition the sensors counted.
 */
import type { Redis } from 'ioredis';
import { expect } from 'vitest';
import type { Reading } from '../../src/domain/reading.ts';
import { parseFleetStats } from '../../src/store/fleet-stats.ts';
import type { RedisKeys } from '../../src/store/keys.ts';
import { counted, latestBySensor } from './processor-e2e.ts';

/** The stored `seq` of every sensor of `readings` (0 when it has none yet). */
export async function storedSeqs(
  redis: Redis,
  keys: RedisKeys,
  readings: readonly Reading[],
): Promise<Map<string, number>> {
  const ids = [...latestBySensor(readings).keys()];
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hget(keys.sensor(id), 'seq');
  const replies = (await pipeline.exec()) ?? [];
  return new Map(ids.map((id, i) => [id, Number(replies[i]?.[1] ?? 0)]));
}

/**
 * Polls the stored seqs until `done()` and fails if any sensor is ever older than in `before`; polls
 * that fail (Redis restarting) are skipped. Resolves once `done()` is true.
 */
export async function watchNeverOlder(
  redis: Redis,
  keys: RedisKeys,
  readings: readonly Reading[],
  before: ReadonlyMap<string, number>,
  done: () => boolean,
): Promise<void> {
  while (!done()) {
    const now = await storedSeqs(redis, keys, readings).catch(() => null);
    for (const [id, seq] of now ?? []) expect(seq).toBeGreaterThanOrEqual(before.get(id) ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every reading of `readings` applied exactly once: the checks of the file comment. */
export async function expectExactlyOnce(
  redis: Redis,
  keys: RedisKeys,
  readings: readonly Reading[],
): Promise<void> {
  const latest = latestBySensor(readings);
  const perSensor = new Map<string, number>();
  for (const r of readings) perSensor.set(r.sensor_id, (perSensor.get(r.sensor_id) ?? 0) + 1);
  let na = 0;
  let nc = 0;
  for (const [id, last] of latest) {
    const [seq, book] = await redis.hmgetBuffer(keys.sensor(id), 'seq', '_');
    expect(Number(String(seq))).toBe(last.seq);
    const counters = counted(book);
    expect(counters.n).toBe(perSensor.get(id));
    na += counters.na;
    nc += counters.nc;
  }
  const stats = parseFleetStats(await redis.hgetall(keys.stats));
  expect(stats).toMatchObject({ readings: readings.length, anomalies: na, sensors: latest.size });
  // the sweeper marks sensors offline while nothing new arrives: power is that of the others
  let power = 0;
  const counts: Record<string, number> = { normal: 0, warning: 0, critical: 0, offline: 0 };
  for (const id of latest.keys()) {
    const [status, kw] = await redis.hmget(keys.sensor(id), 'status', 'power_kw');
    counts[status as string] = (counts[status as string] ?? 0) + 1;
    if (status !== 'offline') power += Number(kw ?? 0);
  }
  expect(stats).toMatchObject(counts);
  expect(stats.power_kw).toBeCloseTo(power, 4);
  expect(await redis.xlen(keys.alerts)).toBe(nc);
}
