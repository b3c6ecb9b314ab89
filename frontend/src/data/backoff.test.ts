import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  const options = { baseMs: 500, maxMs: 8000, jitter: 0.5 };

  it('doubles per attempt up to the maximum', () => {
    const noJitter = { ...options, jitter: 0 };
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
  });

  it('spreads each delay over its jitter band', () => {
    expect(backoffDelay(1, options, () => 0)).toBe(500);
    expect(backoffDelay(1, options, () => 1)).toBe(1000);
  });
});
