/**
 * Acceptance: crash safety of `wattwatch process` across a Redis restart. The processor writes to a
 * redis-server of this test alone (append-only file, fsync every second, as docker-compose.consumer.yml
 * runs it), which is killed with SIGKILL mid-stream and started again after a pause. The processor
 * must back off and retry (logged), never acknowledge a chunk that failed, and end with every
 * reading applied exactly once and no sensor ever older than before the restart. A second case kills
 * the processor too while Redis is down: its replacement finds every failed chunk still unconsumed.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BROKER_OPTIONS } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import { expectExactlyOnce, storedSeqs, watchNeverOlder } from '../../../test/support/exactly-once.ts';
import { processEnv, simulateInto, waitForReadings } from '../../../test/support/processor-e2e.ts';
import { type CliProcess, spawnCli } from '../../../test/support/spawn-cli.ts';
import type { Reading } from '../../domain/reading.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { configureLogging } from '../../log/logger.ts';
import { type EmbeddedRedis, startEmbeddedRedis } from '../../store/embedded-redis.ts';
import { parseFleetStats } from '../../store/fleet-stats.ts';
import { createKeys } from '../../store/keys.ts';

let broker: RunningBroker;
let readings: Reading[];
const cleanups: (() => Promise<unknown> | unknown)[] = [];
const keys = createKeys('rr:');

beforeAll(async () => {
  configureLogging({ write: () => {} });
  broker = await startBroker(TEST_BROKER_OPTIONS);
  readings = await simulateInto(broker, { sensors: 100, seconds: 240, anomalyRate: 30 });
}, 60_000);

afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

afterAll(() => broker?.close());

/** A redis-server of this test alone, and a client that rides out its restarts. */
async function privateRedis(): Promise<{ server: EmbeddedRedis; redis: Redis }> {
  const server = await startEmbeddedRedis({ appendOnly: true, appendFsync: 'everysec' });
  cleanups.push(() => server.stop());
  const redis = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  redis.on('error', () => {});
  cleanups.push(() => redis.disconnect());
  return { server, redis };
}

function start(env: Record<string, string>): CliProcess {
  const cli = spawnCli(['process'], env);
  cleanups.push(() => {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  });
  return cli;
}

function failedWrites(cli: CliProcess): Record<string, unknown>[] {
  return cli.lines.filter((l) => l.msg === 'store chunk in Redis failed; retrying');
}

async function storedReadings(redis: Redis): Promise<number> {
  return parseFleetStats(await redis.hgetall(keys.stats)).readings;
}

/** Waits until a quarter of the readings are stored, then kills Redis and waits for a failed chunk. */
async function crashRedisMidStream(server: EmbeddedRedis, redis: Redis, cli: CliProcess) {
  await waitUntil(async () => (await storedReadings(redis)) >= readings.length / 4, 'a quarter stored', {
    timeoutMs: 60_000,
    intervalMs: 10,
  });
  await server.down({ crash: true });
  await waitUntil(() => failedWrites(cli).length > 0, 'a chunk write failing');
}

describe('crash safety across a Redis restart (acceptance)', () => {
  it('backs off while Redis is down, then stores every reading once and never moves a sensor back', async () => {
    const { server, redis } = await privateRedis();
    const cli = start(processEnv(broker, server.url, keys.prefix));
    await crashRedisMidStream(server, redis, cli);
    // a few more failed attempts of one chunk, with growing delays, before Redis comes back
    await waitUntil(() => failedWrites(cli).some((l) => Number(l.attempt) >= 3), 'a third failed attempt');
    await server.up();
    const before = await storedSeqs(redis, keys, readings);
    expect(await storedReadings(redis)).toBeLessThan(readings.length);
    await expectRestStoredOnce(redis, before);
    // exponential backoff with jitter: 0.5-1.5 times 100 ms, then 200 ms, 400 ms (RETRY_MAX_MS 500)
    for (const line of failedWrites(cli)) {
      const wait = Number(line.retry_in_ms);
      const base = Math.min(500, 100 * 2 ** (Number(line.attempt) - 1));
      expect(wait).toBeGreaterThanOrEqual(Math.floor(base / 2));
      expect(wait).toBeLessThanOrEqual(Math.ceil(base * 1.5));
    }
    expect(cli.lines.some((l) => l.msg === 'store chunk in Redis recovered')).toBe(true);
    expect(cli.child.exitCode).toBeNull();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 180_000);

  it('a processor killed while Redis is down acknowledged none of its failed chunks', async () => {
    const { server, redis } = await privateRedis();
    const env = processEnv(broker, server.url, keys.prefix);
    const first = start(env);
    await crashRedisMidStream(server, redis, first);
    first.child.kill('SIGKILL');
    await first.exited;
    await server.up();
    const before = await storedSeqs(redis, keys, readings);
    expect(await storedReadings(redis)).toBeLessThan(readings.length);
    const second = start(env);
    await expectRestStoredOnce(redis, before);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});

/** Waits for the rest of the stream, checking that no sensor ever moves back from `before`, then that every reading is stored exactly once. */
async function expectRestStoredOnce(
  redis: Redis,
  before: Awaited<ReturnType<typeof storedSeqs>>,
): Promise<void> {
  let done = false;
  const watch = watchNeverOlder(redis, keys, readings, before, () => done);
  await waitForReadings(redis, keys, readings.length, 120_000);
  done = true;
  await watch;
  await expectExactlyOnce(redis, keys, readings);
}
