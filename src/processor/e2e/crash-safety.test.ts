/**
 * Acceptance: crash safety of `wattwatch process` as a child process. Killed with SIGKILL mid-stream
 * and started again, it leaves every reading's effect in Redis exactly once and never moves a sensor
 * backwards.
 * What is checked does not depend on the detector (whose memory a restart loses): every sensor holds
 * its last reading, its applied-readings counter equals its readings in the topic, the fleet counts
 * equal the sums of the per-sensor counters, and the alert stream holds one event per transition the
 * sensors counted.
 */
import type { Redis } from 'ioredis';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BROKER_OPTIONS } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import {
  counted,
  latestBySensor,
  processEnv,
  simulateInto,
  waitForReadings,
} from '../../../test/support/processor-e2e.ts';
import { type CliProcess, spawnCli } from '../../../test/support/spawn-cli.ts';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis.ts';
import type { Reading } from '../../domain/reading.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { configureLogging } from '../../log/logger.ts';
import { parseFleetStats } from '../../store/fleet-stats.ts';
import { createKeys, type RedisKeys } from '../../store/keys.ts';

let broker: RunningBroker;
let readings: Reading[];
const cleanups: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  configureLogging({ write: () => {} });
  broker = await startBroker(TEST_BROKER_OPTIONS);
  cleanups.push(() => broker.close());
  readings = await simulateInto(broker, { sensors: 100, seconds: 240, anomalyRate: 30 });
}, 60_000);

afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

function start(env: Record<string, string>): CliProcess {
  const cli = spawnCli(['process'], env);
  cleanups.push(() => {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  });
  return cli;
}

async function seqs(redis: Redis, keys: RedisKeys): Promise<Map<string, number>> {
  const ids = [...latestBySensor(readings).keys()];
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hget(keys.sensor(id), 'seq');
  const replies = (await pipeline.exec()) ?? [];
  return new Map(ids.map((id, i) => [id, Number(replies[i]?.[1] ?? 0)]));
}

/** Every reading applied exactly once: the checks of the file comment. */
async function expectExactlyOnce(redis: Redis, keys: RedisKeys): Promise<void> {
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

describe('crash safety (acceptance)', () => {
  it('a processor killed with SIGKILL mid-stream and restarted leaves every reading applied once', async () => {
    const t: TestRedis = await createTestRedis();
    cleanups.push(() => t.cleanup());
    const keys = createKeys(t.prefix);
    const env = processEnv(broker, t.url, t.prefix);
    const first = start(env);
    await waitUntil(
      async () => parseFleetStats(await t.redis.hgetall(keys.stats)).readings >= readings.length / 4,
      'a quarter of the readings stored',
      { timeoutMs: 60_000, intervalMs: 10 },
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const before = await seqs(t.redis, keys);
    expect(parseFleetStats(await t.redis.hgetall(keys.stats)).readings).toBeLessThan(readings.length);
    const second = start(env);
    // while it catches up, no sensor is ever older than it was when the first one died
    let done = false;
    const watch = (async () => {
      while (!done) {
        for (const [id, seq] of await seqs(t.redis, keys))
          expect(seq).toBeGreaterThanOrEqual(before.get(id) ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await waitForReadings(t.redis, keys, readings.length, 60_000);
    done = true;
    await watch;
    await expectExactlyOnce(t.redis, keys);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);
});
