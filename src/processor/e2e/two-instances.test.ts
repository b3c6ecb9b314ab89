/**
 * Acceptance: two processors in one consumer group split the partitions and together store every
 * reading once: each sensor holds its last reading, its applied-readings counter equals its readings
 * in the topic, and the fleet counts are exactly those sums (nothing double counted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BROKER_OPTIONS } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import {
  counted,
  latestBySensor,
  processConfig,
  simulateInto,
  waitForReadings,
} from '../../../test/support/processor-e2e.ts';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis.ts';
import type { Reading } from '../../domain/reading.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { configureLogging } from '../../log/logger.ts';
import { parseFleetStats } from '../../store/fleet-stats.ts';
import { storeOptionsFrom } from '../../store/store-options.ts';
import { type RunningProcessor, startProcessor } from '../start-processor.ts';

let broker: RunningBroker;
let t: TestRedis;
let readings: Reading[];
const processors: RunningProcessor[] = [];

beforeAll(async () => {
  configureLogging({ write: () => {} });
  broker = await startBroker(TEST_BROKER_OPTIONS);
  t = await createTestRedis();
});

afterAll(async () => {
  await Promise.all(processors.map((p) => p.stop()));
  await t?.cleanup();
  await broker?.close();
});

describe('two processors in one group (acceptance)', () => {
  it('split the partitions and store every reading exactly once', async () => {
    const config = processConfig(broker, t.url, t.prefix);
    processors.push(await startProcessor(config, { name: 'one' }));
    processors.push(await startProcessor(config, { name: 'two' }));
    const keys = storeOptionsFrom(config).keys;
    // both members hold partitions before any reading arrives
    await waitUntil(() => {
      const g = broker.group(config.groupId);
      return g?.members.length === 2 && processors.every((p) => p.health().kafka === 'joined');
    }, 'two group members');
    readings = await simulateInto(broker, { sensors: 40, seconds: 120, anomalyRate: 30 });
    await waitForReadings(t.redis, keys, readings.length);
    const applied = processors.map(async (p) =>
      Number(
        /outcome="applied"\} (\d+)/.exec(
          await p.metrics.registry.getSingleMetricAsString('wattwatch_processor_readings_total'),
        )?.[1] ?? 0,
      ),
    );
    const counts = await Promise.all(applied);
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(readings.length);
    const perSensor = new Map<string, number>();
    for (const r of readings) perSensor.set(r.sensor_id, (perSensor.get(r.sensor_id) ?? 0) + 1);
    let na = 0;
    for (const [id, last] of latestBySensor(readings)) {
      const [seq, book] = await t.redis.hmgetBuffer(keys.sensor(id), 'seq', '_');
      expect(Number(String(seq))).toBe(last.seq);
      expect(counted(book).n).toBe(perSensor.get(id));
      na += counted(book).na;
    }
    expect(parseFleetStats(await t.redis.hgetall(keys.stats))).toMatchObject({
      readings: readings.length,
      anomalies: na,
      sensors: 40,
    });
    // its own waits (group join, 40 s for the readings) run longer than the default test timeout
  }, 120_000);
});
