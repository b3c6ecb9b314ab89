import { describe, expect, it } from 'vitest';
import { createZoneClock, minuteOfWeek, weekIndex } from './zone-clock.ts';

describe('createZoneClock', () => {
  it('follows daylight-saving time in the configured zone', () => {
    const berlin = createZoneClock('Europe/Berlin');
    expect(berlin.offsetMs(Date.parse('2026-01-15T12:00:00Z'))).toBe(3_600_000);
    expect(berlin.offsetMs(Date.parse('2026-07-15T12:00:00Z'))).toBe(7_200_000);
    // The switch on 2026-03-29 happens at 01:00 UTC.
    expect(berlin.offsetMs(Date.parse('2026-03-29T00:59:00Z'))).toBe(3_600_000);
    expect(berlin.offsetMs(Date.parse('2026-03-29T01:00:00Z'))).toBe(7_200_000);
  });

  it('handles zones with half-hour offsets and UTC', () => {
    expect(createZoneClock('Asia/Kolkata').offsetMs(Date.parse('2026-05-01T00:00:00Z'))).toBe(19_800_000);
    expect(createZoneClock('UTC').offsetMs(Date.parse('2026-05-01T00:00:00Z'))).toBe(0);
  });

  it('numbers local minutes of the week from Monday 00:00', () => {
    const utc = createZoneClock('UTC');
    // 2026-03-02 is a Monday.
    expect(minuteOfWeek(utc.localMinute(Date.parse('2026-03-02T00:00:00Z')))).toBe(0);
    expect(minuteOfWeek(utc.localMinute(Date.parse('2026-03-04T10:30:00Z')))).toBe(2 * 1440 + 630);
    expect(minuteOfWeek(utc.localMinute(Date.parse('2026-03-08T23:59:00Z')))).toBe(10079);
    const tokyo = createZoneClock('Asia/Tokyo');
    // Sunday 20:00 UTC is Monday 05:00 in Tokyo.
    expect(minuteOfWeek(tokyo.localMinute(Date.parse('2026-03-08T20:00:00Z')))).toBe(300);
    const a = utc.localMinute(Date.parse('2026-03-02T00:00:00Z'));
    expect(weekIndex(a + 10080)).toBe(weekIndex(a) + 1);
    expect(weekIndex(a - 1)).toBe(weekIndex(a) - 1);
  });
});
