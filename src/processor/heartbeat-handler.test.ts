import { afterEach, describe, expect, it } from 'vitest';
import { rawMessage } from '../../test/support/raw-messages.ts';
import { createTestStore, type TestStore } from '../../test/support/test-store.ts';
import { encodeHeartbeat, type Heartbeat } from '../domain/heartbeat.ts';
import { createLogger } from '../log/logger.ts';
import { createHeartbeatStore } from '../store/heartbeat-store.ts';
import { createHeartbeatHandler } from './heartbeat-handler.ts';
import { createProcessorMetrics } from './processor-metrics.ts';

const stores: TestStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.cleanup()));
});

const beat = (ts: string, sent_total: number): Heartbeat => ({
  producer_id: 'sim-1',
  host: 'producer-host',
  ts,
  sensors: 300,
  rate_hz: 150.5,
  sent_total,
});

describe('the heartbeat handler', () => {
  it('stores the latest heartbeat with a TTL of three heartbeats and indexes the producer', async () => {
    const s = await createTestStore({ heartbeatTtlMs: 6_000 });
    stores.push(s);
    const metrics = createProcessorMetrics();
    const handle = createHeartbeatHandler({
      store: createHeartbeatStore(s.redis, s.options),
      metrics,
      log: createLogger('test'),
      now: s.clock.now,
    });
    await handle([
      rawMessage(encodeHeartbeat(beat('2026-11-22T06:00:02Z', 20)), 0, 0),
      rawMessage(encodeHeartbeat(beat('2026-11-22T06:00:00.5Z', 10)), 0, 1), // older, replayed
      rawMessage('{"producer_id": 5}', 0, 2),
    ]);
    const key = s.options.keys.producer('sim-1');
    expect(await s.redis.hgetall(key)).toEqual({
      producer_id: 'sim-1',
      host: 'producer-host',
      ts: '2026-11-22T06:00:02.000Z',
      sensors: '300',
      rate_hz: '150.5',
      sent_total: '20',
      received_at: s.clock.now().toISOString(),
    });
    const ttl = await s.redis.pttl(key);
    expect(ttl).toBeGreaterThan(5_000);
    expect(ttl).toBeLessThanOrEqual(6_000);
    expect(await s.redis.zrange(s.options.keys.producers, '0', '-1', 'WITHSCORES')).toEqual([
      'sim-1',
      String(s.clock.ms()),
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('wattwatch_processor_heartbeats_total{outcome="stored"} 1');
    expect(text).toContain('wattwatch_processor_heartbeats_total{outcome="older"} 1');
    expect(text).toContain('wattwatch_processor_heartbeats_total{outcome="rejected"} 1');
  });
});
