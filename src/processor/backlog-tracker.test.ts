import { describe, expect, it } from 'vitest';
import { createBacklogTracker } from './backlog-tracker.ts';

describe('the backlog tracker', () => {
  const setup = () => {
    let now = 100_000;
    const tracker = createBacklogTracker({ forgetAfterMs: 30_000, now: () => now });
    return { tracker, advance: (ms: number) => (now += ms), at: () => now };
  };

  it('is the age of the newest stored message of the partition furthest behind', () => {
    const { tracker, at } = setup();
    expect(tracker.lagMs()).toBe(0);
    tracker.acked('sensor-data', 0, at() - 2_000, 500);
    tracker.acked('sensor-data', 1, at() - 7_000, 10);
    tracker.acked('producer-heartbeat', 1, at() - 1_000, 3);
    expect(tracker.lagMs()).toBe(7_000);
  });

  it('is zero for a partition that is caught up, however old its last message', () => {
    const { tracker, at } = setup();
    tracker.acked('sensor-data', 0, at() - 60_000, 0);
    expect(tracker.lagMs()).toBe(0);
    tracker.acked('sensor-data', 0, at() - 50_000, 1);
    expect(tracker.lagMs()).toBe(50_000);
  });

  it('keeps aging while a partition with a backlog makes no progress, until it is forgotten', () => {
    const { tracker, at, advance } = setup();
    tracker.acked('sensor-data', 3, at() - 1_000, 200);
    advance(10_000);
    expect(tracker.lagMs()).toBe(11_000);
    advance(21_000); // not acknowledged for longer than the session timeout: another member has it
    expect(tracker.lagMs()).toBe(0);
  });

  it('forgets every partition on reset and ignores messages without a timestamp', () => {
    const { tracker, at } = setup();
    tracker.acked('sensor-data', 0, at() - 5_000, 10);
    tracker.reset();
    tracker.acked('sensor-data', 1, Number.NaN, 10);
    expect(tracker.lagMs()).toBe(0);
  });
});
