import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.ts';

describe('RingBuffer', () => {
  it('keeps the newest points, oldest first, once full', () => {
    const ring = new RingBuffer(3);
    for (let i = 1; i <= 5; i++) ring.push(i * 1000, i * 10);
    expect(ring.length).toBe(3);
    expect([0, 1, 2].map((i) => [ring.xAt(i), ring.yAt(i)])).toEqual([
      [3000, 30],
      [4000, 40],
      [5000, 50],
    ]);
    expect(ring.last()).toBe(50);
  });

  it('ignores points not newer than the newest (late or repeated messages)', () => {
    const ring = new RingBuffer(4);
    expect(ring.push(2000, 1)).toBe(true);
    expect(ring.push(2000, 2)).toBe(false);
    expect(ring.push(1000, 3)).toBe(false);
    expect(ring.length).toBe(1);
    expect(ring.last()).toBe(1);
  });

  it('finds the value at or just before a time', () => {
    const ring = new RingBuffer(10);
    for (const x of [10, 20, 30, 40]) ring.push(x, x / 10);
    expect(ring.valueAt(25)).toBe(2);
    expect(ring.valueAt(40)).toBe(4);
    expect(ring.valueAt(99)).toBe(4);
    expect(ring.valueAt(5)).toBe(1);
    expect(new RingBuffer(2).valueAt(5)).toBeNull();
  });

  it('copies into a chart array reusing its point objects', () => {
    const ring = new RingBuffer(3);
    ring.push(1, 1);
    ring.push(2, 2);
    const out: { x: number; y: number }[] = [];
    ring.copyInto(out);
    const first = out[0];
    ring.push(3, 3);
    ring.push(4, 4);
    ring.copyInto(out);
    expect(out).toEqual([
      { x: 2, y: 2 },
      { x: 3, y: 3 },
      { x: 4, y: 4 },
    ]);
    expect(out[0]).toBe(first);
    ring.clear();
    ring.copyInto(out);
    expect(out).toEqual([]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
