/** Pushed events: critical alert bursts (latency from the processor's notice), producer transitions. */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { scored } from '../../../test/support/sample-readings.ts';
import { createWsHarness, openClient, type WsHarness } from '../../../test/support/ws-harness.ts';
import { createHeartbeatStore } from '../../store/heartbeat-store.ts';

const harnesses: WsHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.cleanup()));
});
const setup = async () => {
  const h = await createWsHarness();
  harnesses.push(h);
  return h;
};

describe('critical_alert', () => {
  it('is pushed to clients of every serve instance by the notice itself, one message per burst', async () => {
    const h = await setup();
    // no tick can fire during the test: whatever arrives was pushed by the processor's notice
    const noTicks = { tickMs: 600_000 };
    const first = await h.start(noTicks);
    await h.start(noTicks);
    const a = await h.connect();
    const b = await openClient(`${h.servers[1]?.url.replace('http', 'ws')}/ws`);
    await a.next('initial_data');
    await b.next('initial_data');
    // the notice as the processors publish it, timed where it arrives (same process, same clock)
    const listener = new Redis(h.store.url);
    const notices: number[] = [];
    listener.on('message', () => notices.push(performance.now()));
    await listener.subscribe(h.store.options.keys.events);
    try {
      const burst = Array.from({ length: 30 }, (_, i) =>
        scored({ sensor_id: `hot${String(i).padStart(2, '0')}`, seq: 1 }, 'critical', {
          reasons: [`temperature ${i}σ`],
        }),
      );
      await h.writer.write(burst.slice(0, 15));
      await h.writer.write(burst.slice(15));
      const [got, gotB] = await Promise.all([a.next('critical_alert'), b.next('critical_alert')]);
      expect(notices.length).toBeGreaterThanOrEqual(1);
      // pushed after the notice, not before (the 200 ms latency target is measured by bench/api.ts,
      // as wall-clock figures are not test assertions)
      expect(got.at).toBeGreaterThan(notices[0] as number);
      expect(gotB.at).toBeGreaterThan(notices[0] as number);
      const total = a.received
        .filter((r) => r.message.type === 'critical_alert')
        .reduce((n, r) => n + r.message.data.count, 0);
      expect(got.message.data.alerts.length).toBeLessThanOrEqual(20);
      expect(got.message.data.sensors.length).toBeLessThanOrEqual(5);
      expect(got.message.data.sensors[0]).toMatchObject({ status: 'critical' });
      expect(got.message.data.alerts[0]).toMatchObject({ sensor_id: 'hot00', reasons: ['temperature 0σ'] });
      // both chunks' alerts are announced, in at most two bursts
      await new Promise((r) => setTimeout(r, 150));
      const bursts = a.received.filter((r) => r.message.type === 'critical_alert');
      expect(bursts.reduce((n, r) => n + r.message.data.count, 0)).toBe(30);
      expect(bursts.length).toBeLessThanOrEqual(2);
      expect(total).toBeGreaterThanOrEqual(15);
      expect(first.services.metrics.alertNoticeToSendSeconds).toBeDefined();
    } finally {
      listener.disconnect();
    }
  });

  it('says nothing for notices without new alerts', async () => {
    const h = await setup();
    await h.start();
    const client = await h.connect();
    await client.next('initial_data');
    await h.writer.write([scored({ sensor_id: 'calm', seq: 1 })]);
    await client.next('realtime_update');
    await client.next('realtime_update');
    expect(client.received.some((r) => r.message.type === 'critical_alert')).toBe(false);
  });
});

describe('producer transitions', () => {
  it('announces a producer once when its heartbeats start and once when they lapse', async () => {
    const h = await setup();
    await h.start();
    const client = await h.connect();
    await client.next('initial_data');
    const heartbeats = createHeartbeatStore(h.store.redis, h.store.options);
    const beat = (sent: number) =>
      heartbeats.put(
        {
          producer_id: 'edge-1',
          host: 'edge',
          ts: new Date().toISOString(),
          sensors: 5,
          rate_hz: 5,
          sent_total: sent,
        },
        new Date(),
      );
    await beat(1);
    const connected = await client.next('producer_connected');
    expect(connected.message).toMatchObject({ producer_id: 'edge-1', producer_status: { is_active: true } });
    await beat(2);
    await beat(3);
    // the heartbeat hash lapsing (its TTL of three heartbeats) is the store's definition of gone
    const lapsed = performance.now();
    await h.store.redis.del(h.store.options.keys.producer('edge-1'));
    const gone = await client.next('producer_disconnected', 6000);
    // the product promise: a lost producer is announced within 6 s
    expect(gone.at - lapsed).toBeLessThan(6000);
    expect(gone.message).toMatchObject({
      producer_id: 'edge-1',
      message: 'Producer edge-1 stopped sending heartbeats',
      producer_status: { is_active: false, producers: [{ producer_id: 'edge-1', connected: false }] },
    });
    await new Promise((r) => setTimeout(r, 300));
    const kinds = client.received.map((r) => r.message.type).filter((t) => t.startsWith('producer_'));
    expect(kinds).toEqual(['producer_connected', 'producer_disconnected']);
  });

  it('detects a stopped producer by its heartbeat TTL alone, within three heartbeat intervals', async () => {
    const h = await setup();
    await h.start();
    const client = await h.connect();
    await client.next('initial_data');
    // 100 ms heartbeats: the hash lives 300 ms after the last one
    const store = { ...h.store.options, heartbeatTtlMs: 300 };
    const heartbeats = createHeartbeatStore(h.store.redis, store);
    const beat = () =>
      heartbeats.put(
        {
          producer_id: 'edge-2',
          host: 'edge',
          ts: new Date().toISOString(),
          sensors: 1,
          rate_hz: 1,
          sent_total: 1,
        },
        new Date(),
      );
    for (let i = 0; i < 3; i++) {
      await beat();
      await new Promise((r) => setTimeout(r, 100));
    }
    const stopped = performance.now();
    const gone = await client.next('producer_disconnected', 6000);
    // announced by the TTL alone (nothing deleted the hash), well inside the 6 s product promise
    expect(gone.at - stopped).toBeLessThan(6000);
  });
});
