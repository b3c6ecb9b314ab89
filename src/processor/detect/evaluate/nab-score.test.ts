import { describe, expect, it } from 'vitest';
import { NAB_STANDARD, normalizeNab, probationaryLength, scaledSigmoid, scoreNabFile } from './nab-score.ts';

/** 1000 rows a minute apart; one window over rows 500..599. */
const times = Array.from({ length: 1000 }, (_, i) => i * 60_000);
const windows = [{ start: 500 * 60_000, end: 599 * 60_000 }];
const at = (...rows: number[]) => times.map((_, i) => rows.includes(i));

describe('NAB scoring (numenta/NAB sweeper.py)', () => {
  it('has the scaled sigmoid of the paper', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.98661, 5);
    expect(scaledSigmoid(3)).toBe(-1);
  });

  it('probation is 15% of the rows, at most 750', () => {
    expect(probationaryLength(1000)).toBe(150);
    expect(probationaryLength(10_000)).toBe(750);
  });

  it('credits the earliest detection in a window: 1 at its left edge, less later', () => {
    expect(scoreNabFile(times, at(500), windows).score).toBeCloseTo(1, 10);
    const late = scoreNabFile(times, at(550, 500), windows).score;
    expect(late).toBeCloseTo(1, 10);
    const mid = scoreNabFile(times, at(550), windows).score;
    expect(mid).toBeCloseTo(scaledSigmoid(-50 / 100) / scaledSigmoid(-1), 10);
  });

  it('charges A_FN for a missed window and A_FP per detection outside, less just after a window', () => {
    const none = scoreNabFile(times, at(), windows);
    expect(none).toMatchObject({ score: -1, nullScore: -1, windows: 1, detectedWindows: 0 });
    expect(scoreNabFile(times, at(300), windows).score).toBeCloseTo(-1 - 0.11, 10);
    const justAfter = scoreNabFile(times, at(605), windows).score;
    expect(justAfter).toBeGreaterThan(-1 - 0.11);
    expect(justAfter).toBeLessThan(-1);
    // Detections during probation do not count.
    expect(scoreNabFile(times, at(10, 100), windows).score).toBe(-1);
  });

  it('normalizes a corpus so the null detector scores 0 and a perfect one 100', () => {
    const perfect = scoreNabFile(times, at(500), windows);
    const none = scoreNabFile(times, at(), windows);
    expect(normalizeNab([perfect, perfect], NAB_STANDARD)).toBeCloseTo(100, 8);
    expect(normalizeNab([none, none], NAB_STANDARD)).toBe(0);
    expect(normalizeNab([perfect, none], NAB_STANDARD)).toBeCloseTo(50, 8);
  });
});
