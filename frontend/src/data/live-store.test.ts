import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CriticalAlertMessage, RealtimeUpdateMessage } from '../contract.ts';
import { LiveStore } from './live-store.ts';
import { initialData, sensor, stats } from './test-messages.ts';

const producer = { is_active: true, last_data_time: null, time_since_last_data: null, producers: [] };

function update(ts: string, change: Partial<RealtimeUpdateMessage> = {}): RealtimeUpdateMessage {
  return {
    type: 'realtime_update',
    ts,
    stats: stats(),
    producer_status: producer,
    sensors: [],
    removed: [],
    next_cursor: null,
    ...change,
  };
}

function alert(ts: string, ids: string[]): CriticalAlertMessage {
  return {
    type: 'critical_alert',
    ts,
    data: {
      count: ids.length,
      alerts: ids.map((id) => ({ id: `a-${id}`, sensor_id: id, ts, reasons: [`${id} overheating`] })),
      sensors: ids.map((id) => sensor(id, { status: 'critical' })),
    },
  };
}

describe('LiveStore', () => {
  let store: LiveStore;
  beforeEach(() => {
    vi.useFakeTimers();
    store = new LiveStore({ seriesCapacity: 100, feedCapacity: 3, publishEveryMs: 250 });
  });
  afterEach(() => {
    store.dispose();
    vi.useRealTimers();
  });

  it('publishes at most one snapshot per period however many messages arrive', () => {
    const published = vi.fn();
    store.subscribe(published);
    store.handle(initialData());
    for (let i = 1; i <= 20; i++) store.handle(update(`2026-11-22T09:00:${String(i).padStart(2, '0')}.000Z`));
    expect(published).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(published).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().statsAt).toBe('2026-11-22T09:00:20.000Z');
    expect(store.series.powerKw.length).toBe(21);
  });

  it('keeps the snapshot object the same until something changed', () => {
    store.handle(initialData());
    vi.advanceTimersByTime(250);
    const first = store.getSnapshot();
    vi.advanceTimersByTime(1000);
    expect(store.getSnapshot()).toBe(first);
  });

  it('applies view deltas: changed sensors replaced, removed ids dropped, id order kept', () => {
    store.handle(
      initialData({ view: { filter: {}, sensors: [sensor('s_b'), sensor('s_a')], next_cursor: null } }),
    );
    store.handle(
      update('2026-11-22T09:00:01.000Z', {
        sensors: [sensor('s_c'), sensor('s_a', { status: 'warning' })],
        removed: ['s_b'],
      }),
    );
    vi.advanceTimersByTime(250);
    const view = store.getSnapshot().view.sensors;
    expect(view.map((s) => [s.sensor_id, s.status])).toEqual([
      ['s_a', 'warning'],
      ['s_c', 'normal'],
    ]);
  });

  it('shows a critical alert at once, newest first, without duplicates, within the feed capacity', () => {
    const published = vi.fn();
    store.subscribe(published);
    store.handle(alert('2026-11-22T09:00:01.000Z', ['s1', 's2']));
    expect(published).toHaveBeenCalledTimes(1);
    store.handle(alert('2026-11-22T09:00:02.000Z', ['s2', 's3', 's4']));
    const feed = store.getSnapshot().feed;
    expect(feed.map((f) => f.sensor_id)).toEqual(['s4', 's3', 's2']);
    expect(feed[0]?.sensor?.status).toBe('critical');
  });

  it('records producer transitions at once', () => {
    store.handle({
      type: 'producer_disconnected',
      ts: '2026-11-22T09:00:05.000Z',
      producer_id: 'sim-1',
      message: 'producer sim-1 stopped sending heartbeats',
      producer_status: { ...producer, is_active: false },
    });
    const snap = store.getSnapshot();
    expect(snap.producer?.is_active).toBe(false);
    expect(snap.producerEvents[0]).toMatchObject({ producer_id: 'sim-1', connected: false });
  });

  it('puts history in front of the live series without disturbing it', () => {
    store.handle(update('2026-11-22T09:00:10.000Z', { stats: stats({ total_power_kw: 50 }) }));
    const t = Date.parse('2026-11-22T09:00:10.000Z');
    store.seedPower([
      { x: t - 20_000, y: 10 },
      { x: t - 10_000, y: 20 },
      { x: t, y: 999 },
    ]);
    const ring = store.series.powerKw;
    expect([0, 1, 2].map((i) => ring.yAt(i))).toEqual([10, 20, 50]);
    expect(ring.length).toBe(3);
  });
});
