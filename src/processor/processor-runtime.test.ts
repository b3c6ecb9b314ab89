import { afterEach, describe, expect, it } from 'vitest';
import { rawMessage, readingMessage } from '../../test/support/raw-messages.ts';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis.ts';
import { PROCESS_SETTINGS } from '../config/process-config.ts';
import { readConfig } from '../config/read-config.ts';
import { encodeHeartbeat } from '../domain/heartbeat.ts';
import { configureLogging } from '../log/logger.ts';
import { createMemoryDlqSink } from './dlq-sink.ts';
import { createProcessorRuntime } from './processor-runtime.ts';

const harnesses: TestRedis[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.cleanup()));
});

describe('the processor runtime', () => {
  it('wires readings, heartbeats and the offline sweep from the configuration', async () => {
    configureLogging({ write: () => {} });
    const t = await createTestRedis();
    harnesses.push(t);
    const config = readConfig(PROCESS_SETTINGS, {
      env: {
        REDIS_KEY_PREFIX: t.prefix,
        PROCESS_CHUNK_SIZE: '2',
        SENSOR_INTERVAL_MS: '50',
        OFFLINE_AFTER_INTERVALS: '2',
        SWEEP_INTERVAL_MS: '100',
      },
    });
    const dlq = createMemoryDlqSink();
    const runtime = createProcessorRuntime({ config, redis: t.redis, dlq, name: 'p-test' });
    const acks: number[] = [];
    await runtime.handleReadings({
      topic: 'sensor-data',
      partition: 0,
      messages: [readingMessage({ seq: 1 }), rawMessage('nope', 0, 1), readingMessage({ seq: 2 }, 0, 2)],
      isActive: () => true,
      ack: async (count) => {
        acks.push(count);
      },
    });
    expect(acks).toEqual([2, 3]);
    expect(dlq.records.map((r) => r.record.offset)).toEqual(['1']);
    const beat = {
      producer_id: 'sim-1',
      host: 'h',
      ts: new Date().toISOString(),
      sensors: 1,
      rate_hz: 1,
      sent_total: 2,
    };
    await runtime.handleHeartbeats([rawMessage(encodeHeartbeat(beat))]);
    expect(await t.redis.hget(runtime.store.keys.producer('sim-1'), 'sent_total')).toBe('2');
    expect(runtime.store.heartbeatTtlMs).toBe(6_000);
    runtime.sweeper.start();
    // the sensor is silent from now on: the sweep marks it offline after 2 intervals (100 ms)
    while ((await t.redis.hget(runtime.store.keys.sensor('sensor_001'), 'status')) !== 'offline') {
      await new Promise((r) => setTimeout(r, 20));
    }
    await runtime.sweeper.stop();
    expect(await runtime.metrics.registry.metrics()).toMatch(/wattwatch_processor_marked_offline_total 1/);
  });
});
