/**
 * Ticks for a time axis drawn on a linear scale: at whole local minutes, hours or days, never at the
 * round millisecond numbers a linear scale picks by itself (which label 02:38, 02:40, 02:41, …).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a reader counts in, smallest first. */
export const TIME_STEPS_MS = [
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
] as const;

/** The smallest step that puts at most `maxTicks` ticks on the range. */
export function timeStep(rangeMs: number, maxTicks: number): number {
  const wanted = rangeMs / Math.max(1, maxTicks);
  return TIME_STEPS_MS.find((step) => step >= wanted) ?? (TIME_STEPS_MS.at(-1) as number);
}

/**
 * Tick positions in [min, max] on multiples of the step in local time (a 6 h step falls on 00:00,
 * 06:00, … of the viewer's clock, not of UTC). `offsetMs(t)` is the local clock's lead over UTC at t.
 */
export function timeTicks(
  min: number,
  max: number,
  maxTicks: number,
  offsetMs: (t: number) => number = localOffsetMs,
): { step: number; ticks: number[] } {
  const step = timeStep(max - min, maxTicks);
  const ticks: number[] = [];
  if (!(max > min)) return { step, ticks };
  const offset = offsetMs(min);
  for (let t = Math.ceil((min + offset) / step) * step - offset; t <= max; t += step) ticks.push(t);
  return { step, ticks };
}

function localOffsetMs(t: number): number {
  return -new Date(t).getTimezoneOffset() * MINUTE;
}
