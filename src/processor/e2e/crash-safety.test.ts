/**
 * Acceptance: crash safety of `wattwatch process` as a child process. Killed with SIGKILL mid-stream
 * and started again, it leaves every reading's effect in Redis exactly once and never moves a sensor
 * backwards (the checks are in test/support/exactly-once.ts; Redis restarts: redis-restart.test.ts).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BROKER_OPTIONS } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import { expectExactlyOnce, storedSeqs, watchNeverOlder } from '../../../test/support/exactly-once.ts';
import { processEnv, simulateInto, waitForReadings } from '../../../test/support/processor-e2e.ts';
import { type CliProcess, spawnCli } from '../../../test/support/spawn-cli.ts';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis.ts';
import type { Reading } from '../../domain/reading.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { configureLogging } from '../../log/logger.ts';
import { parseFleetStats } from '../../store/fleet-stats.ts';
import { createKeys } from '../../store/keys.ts';

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
    const before = await storedSeqs(t.redis, keys, readings);
    expect(parseFleetStats(await t.redis.hgetall(keys.stats)).readings).toBeLessThan(readings.length);
    const second = start(env);
    // while it catches up, no sensor is ever older than it was when the first one died
    let done = false;
    const watch = watchNeverOlder(t.redis, keys, readings, before, () => done);
    await waitForReadings(t.redis, keys, readings.length, 60_000);
    done = true;
    await watch;
    await expectExactlyOnce(t.redis, keys, readings);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);
});
