import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.ts';

const OPTIONS = { quantile: 0.999, margin: 4 / 3 };

describe('calibrate', () => {
  it('puts the threshold at median + 4/3 of the way to the 0.999 quantile', () => {
    const values = Array.from({ length: 1001 }, (_, i) => i / 100);
    const { median, threshold } = calibrate(values, OPTIONS, 0);
    expect(median).toBeCloseTo(5, 10);
    expect(threshold).toBeCloseTo(5 + (4 / 3) * (9.99 - 5), 6);
  });

  it('rises with heavier tails in the training data and never drops below the floor', () => {
    const light = Array.from({ length: 2000 }, (_, i) => (i % 100) / 50);
    const heavy = light.map((v, i) => (i % 400 === 0 ? 40 : v));
    const floor = 4;
    expect(calibrate([...light], OPTIONS, floor).threshold).toBe(floor);
    expect(calibrate([...heavy], OPTIONS, floor).threshold).toBeGreaterThan(30);
    expect(calibrate([], OPTIONS, floor)).toEqual({ median: 0, threshold: floor });
  });
});
