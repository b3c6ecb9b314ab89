import { describe, expect, it } from 'vitest';
import { createReplayPacer } from './replay-pacer.ts';

describe('createReplayPacer', () => {
  it('replays at the recorded spacing divided by the speed, from the start time', () => {
    const pacer = createReplayPacer(10, 1000);
    expect(pacer.dueAt(50_000)).toBe(1000);
    expect(pacer.dueAt(60_000)).toBe(2000);
    expect(pacer.dueAt(350_000)).toBe(31_000);
    expect(createReplayPacer(1, 0).dueAt(0)).toBe(0);
  });

  it('makes everything due at once at speed 0', () => {
    const pacer = createReplayPacer(0, 500);
    expect([pacer.dueAt(0), pacer.dueAt(1e12)]).toEqual([500, 500]);
  });

  it('shifts later rows by time lost waiting for Kafka, and never schedules before the first row', () => {
    const pacer = createReplayPacer(1, 0);
    expect(pacer.dueAt(10_000)).toBe(0);
    pacer.shift(7000);
    expect(pacer.dueAt(15_000)).toBe(12_000);
    expect(pacer.dueAt(5000)).toBe(7000);
  });
});
