import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CriticalAlertEntry } from '../contract/ws-messages.ts';
import { type AlertBurst, alertsOfNotice, createAlertCollector } from './alert-burst.ts';

const alert = (n: number): CriticalAlertEntry => ({
  id: `1-${n}`,
  sensor_id: `s${n}`,
  ts: '2026-01-01T00:00:00.000Z',
  reasons: ['hot'],
});

afterEach(() => {
  vi.useRealTimers();
});

describe('alert collector', () => {
  it('sends a lone alert at once, then at most one burst per window with everything since', () => {
    vi.useFakeTimers();
    const bursts: AlertBurst[] = [];
    const collector = createAlertCollector(
      50,
      (burst) => bursts.push(burst),
      () => Date.now(),
    );
    collector.add([alert(1)]);
    collector.add([alert(2)]); // same turn of the event loop: same burst
    vi.advanceTimersByTime(0);
    expect(bursts.map((b) => b.count)).toEqual([2]);
    // within the window of that burst: held until it closes, merged
    vi.advanceTimersByTime(10);
    collector.add([alert(3)]);
    vi.advanceTimersByTime(20);
    collector.add([alert(4), alert(5)]);
    vi.advanceTimersByTime(19);
    expect(bursts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(bursts.map((b) => b.alerts.map((a) => a.id))).toEqual([
      ['1-1', '1-2'],
      ['1-3', '1-4', '1-5'],
    ]);
    // after a quiet spell the next alert is not held back
    vi.advanceTimersByTime(200);
    collector.add([alert(6)]);
    vi.advanceTimersByTime(0);
    expect(bursts).toHaveLength(3);
    collector.stop();
  });

  it('keeps the count of a storm but at most 20 entries', () => {
    vi.useFakeTimers();
    const bursts: AlertBurst[] = [];
    const collector = createAlertCollector(
      50,
      (burst) => bursts.push(burst),
      () => Date.now(),
    );
    collector.add(Array.from({ length: 1000 }, (_, i) => alert(i)));
    vi.advanceTimersByTime(0);
    expect(bursts[0]?.count).toBe(1000);
    expect(bursts[0]?.alerts).toHaveLength(20);
  });

  it('reads only well-formed alerts out of a notice', () => {
    expect(alertsOfNotice('{not json')).toEqual([]);
    expect(alertsOfNotice('{"type":"chunk","alerts":[{"id":"1-1"}]}')).toEqual([]);
    expect(alertsOfNotice(JSON.stringify({ alerts: [alert(1), { ...alert(2), reasons: [3] }] }))).toEqual([
      alert(1),
    ]);
  });
});
