import { describe, expect, it } from 'vitest';
import { timeStep, timeTicks } from './time-ticks.ts';

const MIN = 60_000;
const utc = () => 0;

describe('time axis ticks', () => {
  it('puts a 15-minute window on whole 2-minute marks, evenly spaced', () => {
    const max = Date.UTC(2026, 10, 22, 14, 50, 27);
    const { step, ticks } = timeTicks(max - 15 * MIN, max, 8, utc);
    expect(step).toBe(2 * MIN);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual([
      '14:36',
      '14:38',
      '14:40',
      '14:42',
      '14:44',
      '14:46',
      '14:48',
      '14:50',
    ]);
  });

  it('aligns to the local clock, not to UTC', () => {
    // A viewer at UTC+5:30: 6-hour ticks fall on their 00:00, 06:00, 12:00 and 18:00.
    const min = Date.UTC(2026, 10, 22, 0, 0);
    const india = () => 330 * MIN;
    const { step, ticks } = timeTicks(min, min + 24 * 60 * MIN, 5, india);
    expect(step).toBe(6 * 60 * MIN);
    expect(ticks.map((t) => (t + 330 * MIN) % (6 * 60 * MIN))).toEqual([0, 0, 0, 0]);
    expect(ticks[0]).toBe(Date.UTC(2026, 10, 22, 0, 30));
  });

  it('never gives more ticks than asked for, and nothing for an empty range', () => {
    for (const range of [45_000, 5 * MIN, 61 * MIN, 26 * 60 * MIN, 30 * 24 * 60 * MIN]) {
      expect(timeTicks(1_000_000, 1_000_000 + range, 6, utc).ticks.length).toBeLessThanOrEqual(6);
    }
    expect(timeStep(5 * MIN, 6)).toBe(MIN);
    expect(timeTicks(5, 5, 6, utc).ticks).toEqual([]);
  });
});
