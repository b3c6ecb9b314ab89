import { describe, expect, it } from 'vitest';
import { WarmupBuffer } from './warmup-buffer.ts';

describe('WarmupBuffer', () => {
  it('keeps readings and their (slot, value) pairs in order, growing past its first sizes', () => {
    const buffer = new WarmupBuffer(2);
    // Three readings of 9 channels: past both the reading capacity (2) and the pair capacity (16).
    for (let r = 0; r < 3; r++) {
      const slots = Array.from({ length: 9 }, (_, j) => j + 20);
      const values = slots.map((slot) => 1000 * r + slot + 0.125);
      buffer.push(1_700_000_000_000 + 1000 * r, 7 + r, 9, slots, values);
    }
    expect(buffer.readings).toBe(3);
    expect(buffer.pairs).toBe(27);
    expect([...buffer.ms.subarray(0, 3)]).toEqual([1_700_000_000_000, 1_700_000_001_000, 1_700_000_002_000]);
    expect([...buffer.seq.subarray(0, 3)]).toEqual([7, 8, 9]);
    expect([...buffer.counts.subarray(0, 3)]).toEqual([9, 9, 9]);
    expect(buffer.slots[26]).toBe(28);
    // Values are kept exactly (doubles): the warm-up's resolution is read from them.
    expect(buffer.values[26]).toBe(2028.125);
    expect(buffer.values[9]).toBe(1020.125);
  });

  it('holds a few readings at first and doubles up to the warm-up length, not past it', () => {
    const buffer = new WarmupBuffer(60);
    const slots = [0, 1, 2, 3, 4, 5, 6, 7];
    const push = (r: number) =>
      buffer.push(
        1000 * r,
        r,
        8,
        slots,
        slots.map((x) => x + r),
      );
    push(0);
    expect(buffer.ms.length).toBe(8);
    expect(buffer.values.length).toBe(64);
    for (let r = 1; r < 60; r++) push(r);
    // 8 → 16 → 32 → 60: the full warm-up fits exactly
    expect(buffer.ms.length).toBe(60);
    expect(buffer.values.length).toBe(480);
    push(60); // a staggered exit runs past the warm-up length: doubling again
    expect(buffer.ms.length).toBe(120);
    expect([...buffer.seq.subarray(58, 61)]).toEqual([58, 59, 60]);
    expect(buffer.values[60 * 8 + 7]).toBe(67);
  });
});
