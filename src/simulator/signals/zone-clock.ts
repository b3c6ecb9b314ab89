/**
 * Local time of the plant (SITE_TIMEZONE) for the load profile, with daylight-saving time handled
 * by Intl. Intl is slow (microseconds a call), so the UTC offset is cached per 15-minute bucket:
 * every real zone changes offset only on a quarter-hour, and readings arrive in time order, so
 * nearly every lookup hits the cache.
 */
export const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** 1970-01-01 was a Thursday: minute 0 of the epoch is minute 3 * 1440 of a Monday-based week. */
const EPOCH_WEEK_OFFSET = 3 * MINUTES_PER_DAY;
const BUCKET_MS = 15 * MINUTE_MS;

export interface ZoneClock {
  readonly timeZone: string;
  /** Local time minus UTC at `utcMs`, in ms (e.g. 3,600,000 for CET). */
  offsetMs(utcMs: number): number;
  /** Local minutes since the Monday 00:00 before the epoch (a continuous local-time minute count). */
  localMinute(utcMs: number): number;
}

/** Monday 00:00 = 0 … Sunday 23:59 = 10079. */
export function minuteOfWeek(localMinute: number): number {
  const m = (localMinute + EPOCH_WEEK_OFFSET) % MINUTES_PER_WEEK;
  return m < 0 ? m + MINUTES_PER_WEEK : m;
}

/** Whole weeks since the Monday before the epoch, for integrating a weekly profile. */
export function weekIndex(localMinute: number): number {
  return Math.floor((localMinute + EPOCH_WEEK_OFFSET) / MINUTES_PER_WEEK);
}

export function createZoneClock(timeZone: string): ZoneClock {
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  let bucket = Number.NaN;
  let cached = 0;
  const offsetMs = (utcMs: number): number => {
    if (utc) return 0;
    const b = Math.floor(utcMs / BUCKET_MS);
    if (b !== bucket) {
      bucket = b;
      cached = computeOffset(format, b * BUCKET_MS);
    }
    return cached;
  };
  return {
    timeZone,
    offsetMs,
    localMinute: (utcMs) => Math.floor((utcMs + offsetMs(utcMs)) / MINUTE_MS),
  };
}

function computeOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const local = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
  return local - Math.floor(utcMs / 1000) * 1000;
}
