import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TARIFF,
  dayAverageRate,
  inWindow,
  localHour,
  periodOfHour,
  rateAt,
  windowHours,
} from './tariff.ts';

describe('tariff', () => {
  it.each([
    [8, 'shoulder'],
    [9, 'on_peak'],
    [17, 'on_peak'],
    [18, 'shoulder'],
    [21, 'shoulder'],
    [22, 'off_peak'],
    [0, 'off_peak'],
    [5, 'off_peak'],
    [6, 'shoulder'],
  ] as const)('hour %i is %s', (hour, period) => {
    expect(periodOfHour(DEFAULT_TARIFF, hour)).toBe(period);
  });

  it('reads hours on the plant clock, not the server clock', () => {
    const at = new Date('2026-01-15T07:30:00Z');
    expect(localHour(at, 'UTC')).toBe(7);
    expect(localHour(at, 'Europe/Berlin')).toBe(8);
    expect(localHour(at, 'America/New_York')).toBe(2);
    expect(rateAt({ ...DEFAULT_TARIFF, timeZone: 'Asia/Kolkata' }, at)).toEqual({
      period: 'on_peak',
      rate: 0.18,
    });
    expect(rateAt(DEFAULT_TARIFF, at)).toEqual({ period: 'shoulder', rate: 0.12 });
  });

  it('handles windows that wrap midnight', () => {
    expect(inWindow(23, [22, 6])).toBe(true);
    expect(inWindow(6, [22, 6])).toBe(false);
    expect(windowHours([22, 6])).toBe(8);
    expect(windowHours([9, 18])).toBe(9);
  });

  it('averages the day: 9 h on-peak, 8 h off-peak, 7 h shoulder', () => {
    expect(dayAverageRate(DEFAULT_TARIFF)).toBeCloseTo((9 * 0.18 + 8 * 0.08 + 7 * 0.12) / 24, 12);
  });
});
