import { describe, expect, it } from 'vitest';
import { toUtcIso } from './csv-timestamp.ts';

describe('toUtcIso', () => {
  it('reads naive times as UTC and keeps explicit offsets', () => {
    expect(toUtcIso('2015-07-10 14:24:00')).toBe('2015-07-10T14:24:00.000Z');
    expect(toUtcIso('2014-04-10 07:15:00.000000')).toBe('2014-04-10T07:15:00.000Z');
    expect(toUtcIso('2026-11-22T06:00:01.5Z')).toBe('2026-11-22T06:00:01.500Z');
    expect(toUtcIso('2026-11-22T07:00:00+01:00')).toBe('2026-11-22T06:00:00.000Z');
  });

  it('rejects what is not a time, and impossible dates', () => {
    expect(toUtcIso('yesterday')).toBeNull();
    expect(toUtcIso('2015-02-30 00:00:00')).toBeNull();
    expect(toUtcIso('')).toBeNull();
  });
});
