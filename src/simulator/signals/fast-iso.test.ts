import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIsoFormatter } from './fast-iso.ts';

describe('createIsoFormatter', () => {
  it('formats exactly like toISOString, in or out of order (property)', () => {
    const format = createIsoFormatter();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(format(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (let ms = 1_767_225_599_990; ms < 1_767_225_600_020; ms++) {
      expect(format(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
