import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { readingMessage } from '../../test/support/raw-messages.ts';
import { configureLogging, createLogger } from '../log/logger.ts';
import { createChunkWriter } from '../store/chunk-writer.ts';
import { type EmbeddedRedis, findFreePort, startEmbeddedRedis } from '../store/embedded-redis.ts';
import { createFleetHistoryWriter } from '../store/fleet-history-writer.ts';
import { parseFleetStats } from '../store/fleet-stats.ts';
import { storeOptions } from '../store/store-options.ts';
import { createChunkProcessor } from './chunk-processor.ts';
import { createMemoryDlqSink } from './dlq-sink.ts';
import { createProcessorMetrics } from './processor-metrics.ts';
import { createRuleDetector } from './rule-detector.ts';
import { createSeqFilter } from './seq-filter.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function connect(port: number): Redis {
  // small timeouts, passed explicitly: commands fail fast while Redis is away, the retry wrapper waits
  const redis = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 500,
    retryStrategy: () => 20,
  });
  redis.on('error', () => {});
  cleanups.push(() => redis.disconnect());
  return redis;
}

function pipeline(redis: Redis) {
  const store = storeOptions({ prefix: 'outage:' });
  const metrics = createProcessorMetrics();
  const process = createChunkProcessor({
    detector: createRuleDetector(),
    writer: createChunkWriter(redis, { store, fleetHistory: createFleetHistoryWriter(redis, store) }),
    dlq: createMemoryDlqSink(),
    seqFilter: createSeqFilter(),
    metrics,
    log: createLogger('processor'),
    retry: { initialDelayMs: 20, maxDelayMs: 80, factor: 2 },
  });
  return { store, metrics, process };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

describe('Redis outages', () => {
  it('retries a chunk while Redis is down, logs it, and stores it once Redis is back', async () => {
    const lines: string[] = [];
    configureLogging({ format: 'json', level: 'info', write: (line) => lines.push(line) });
    const port = await findFreePort();
    const redis = connect(port);
    const { store, metrics, process } = pipeline(redis);
    const done = process([readingMessage({ seq: 1 }), readingMessage({ seq: 1, sensor_id: 's2' })]);
    await until(() => lines.some((l) => l.includes('store chunk in Redis failed; retrying')));
    const server: EmbeddedRedis = await startEmbeddedRedis({ port });
    cleanups.push(() => server.stop());
    const outcome = await done;
    expect(outcome.stored?.applied).toBe(2);
    expect(parseFleetStats(await redis.hgetall(store.keys.stats)).readings).toBe(2);
    const warning = JSON.parse(lines.find((l) => l.includes('failed; retrying')) as string);
    expect(warning).toMatchObject({
      level: 'warn',
      module: 'processor',
      attempt: 1,
      partition: 0,
      offset: '0',
      messages: 2,
    });
    expect(lines.some((l) => l.includes('store chunk in Redis recovered'))).toBe(true);
    expect(await metrics.registry.metrics()).toMatch(
      /wattwatch_processor_retries_total\{stage="redis"\} [1-9]/,
    );
  });

  it('keeps working across a Redis crash and restart, without losing or repeating readings', async () => {
    const server = await startEmbeddedRedis({ appendOnly: true });
    cleanups.push(() => server.stop());
    const redis = connect(server.port);
    const { store, process } = pipeline(redis);
    await process([
      readingMessage({ seq: 1, power_kw: 4 }),
      readingMessage({ seq: 1, sensor_id: 's2', power_kw: 6 }),
    ]);
    await server.restart({ crash: true });
    // the restarted server has no scripts loaded: the writer must load them again by itself
    await process([readingMessage({ seq: 1, power_kw: 4 }), readingMessage({ seq: 2, power_kw: 5 })]);
    expect(parseFleetStats(await redis.hgetall(store.keys.stats))).toMatchObject({
      readings: 3,
      sensors: 2,
      power_kw: 11,
    });
    expect(await redis.hget(store.keys.sensor('sensor_001'), 'seq')).toBe('2');
  });
});
