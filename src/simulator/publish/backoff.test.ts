import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.ts';

describe('createBackoff', () => {
  it('doubles up to the maximum, with jitter in the upper half, and resets', () => {
    const top = createBackoff({ initialMs: 100, maxMs: 1000, factor: 2 }, () => 1);
    expect([top.next(), top.next(), top.next(), top.next(), top.next()]).toEqual([100, 200, 400, 800, 1000]);
    expect(top.attempts).toBe(5);
    top.reset();
    expect(top.next()).toBe(100);
    const bottom = createBackoff({ initialMs: 100, maxMs: 1000, factor: 2 }, () => 0);
    expect([bottom.next(), bottom.next()]).toEqual([50, 100]);
  });
});
