import { afterEach, describe, expect, it } from 'vitest';
import { scored } from '../../../test/support/sample-readings.ts';
import { createWsHarness, type Received, type WsHarness } from '../../../test/support/ws-harness.ts';

const harnesses: WsHarness[] = [];
const setup = async () => {
  const h = await createWsHarness();
  harnesses.push(h);
  await h.start();
  return h;
};
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.cleanup()));
});

const reading = (
  id: string,
  seq: number,
  status: 'normal' | 'warning' | 'critical' = 'normal',
  location = 'floor_a',
) => scored({ sensor_id: id, seq, location }, status);
const ids = (sensors: readonly { sensor_id: string }[]) => sensors.map((s) => s.sensor_id).sort();

describe('/ws message sequence', () => {
  it('sends initial_data first, then realtime_update with only the sensors that changed', async () => {
    const h = await setup();
    await h.writer.write([reading('a', 1), reading('b', 1), reading('c', 1, 'critical')]);
    const client = await h.connect('/ws?limit=10');
    const initial = await client.next('initial_data');
    expect(client.received[0]?.message.type).toBe('initial_data');
    expect(ids(initial.message.view.sensors)).toEqual(['a', 'b', 'c']);
    expect(initial.message.view.filter).toEqual({ limit: 10 });
    expect(initial.message.stats).toMatchObject({ total_sensors: 3, status_critical: 1, status_normal: 2 });
    expect(initial.message.critical_sensors.count).toBe(1);
    expect(ids(initial.message.critical_sensors.sensors)).toEqual(['c']);
    expect(initial.message.producer_status).toMatchObject({ is_active: false, producers: [] });
    expect(initial.message.tick_ms).toBe(100);

    const quiet = await client.next('realtime_update');
    expect(quiet.message.sensors).toEqual([]);
    // ts is the round's deadline, as_of when its reads began: at most half a tick (50 ms) before it
    // (+1 ms for the rounding of both to whole milliseconds)
    expect(Date.parse(quiet.message.ts) - Date.parse(quiet.message.as_of)).toBeLessThanOrEqual(51);
    await h.writer.write([reading('b', 2, 'warning')]);
    let update = await client.next('realtime_update');
    while (update.message.sensors.length === 0) update = await client.next('realtime_update');
    expect(
      update.message.sensors.map((s: { sensor_id: string; seq: number }) => [s.sensor_id, s.seq]),
    ).toEqual([['b', 2]]);
    expect(update.message.stats).toMatchObject({ status_warning: 1 });
    expect(update.message.removed).toEqual([]);
  });

  it('answers ping with pong and refuses malformed messages without closing', async () => {
    const h = await setup();
    const client = await h.connect();
    await client.next('initial_data');
    client.send({ type: 'ping', nonce: 'n-1' });
    expect((await client.next('pong')).message.nonce).toBe('n-1');
    client.send({ type: 'dance' });
    expect((await client.next('error')).message.error).toMatchObject({ code: 'bad_body' });
    client.socket.send('{not json');
    expect((await client.next('error')).message.error.code).toBe('bad_body');
    client.send({ type: 'subscribe', filter: { status: 'sleepy' } });
    expect((await client.next('error')).message.error.message).toContain('status must be one of');
    client.send({ type: 'ping' });
    await client.next('pong');
  });

  it('refuses an invalid initial filter before the upgrade', async () => {
    const h = await setup();
    await expect(h.connect('/ws?limit=9999')).rejects.toThrow('HTTP 400');
  });
});

describe('/ws filters', () => {
  it('gives each client its own view and tells when a sensor leaves it', async () => {
    const h = await setup();
    await h.writer.write([
      reading('a', 1),
      reading('b', 1, 'critical'),
      reading('c', 1, 'critical', 'floor_b'),
    ]);
    const all = await h.connect();
    const critical = await h.connect();
    await all.next('initial_data');
    await critical.next('initial_data');
    critical.send({ type: 'subscribe', filter: { status: 'critical', location: 'floor_a' } });
    const subscribed = await critical.next('subscribed');
    expect(ids(subscribed.message.view.sensors)).toEqual(['b']);
    expect(subscribed.message.view.filter).toEqual({ status: 'critical', location: 'floor_a', limit: 50 });

    await h.writer.write([
      reading('a', 2),
      reading('b', 2, 'normal'),
      reading('c', 2, 'critical', 'floor_b'),
    ]);
    const seen = async (client: typeof all, predicate: (m: Received['message']) => boolean) => {
      for (;;) {
        const { message } = await client.next('realtime_update');
        if (predicate(message)) return message;
      }
    };
    const left = await seen(critical, (m) => m.removed.length > 0);
    expect(left.removed).toEqual(['b']);
    expect(left.sensors).toEqual([]);
    const changed = await seen(all, (m) => m.sensors.length > 0);
    expect(ids(changed.sensors)).toEqual(['a', 'b', 'c']);
    // the critical view never carried the other sensors
    for (const { message } of critical.received)
      if (message.type === 'realtime_update')
        expect(ids(message.sensors).every((id) => id === 'b')).toBe(true);
  });
});
