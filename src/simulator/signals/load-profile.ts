/**
 * The weekly load profile of each device type in local plant time: weekday shifts 06:00–22:00
 * with a lunch dip, quiet nights, a Saturday morning shift, a still Sunday, and a warm-afternoon
 * term for cooling. Precomputed per type at one-minute resolution (7 × 10,080 values), with its
 * running integral so the energy meter can be placed where years of operation would have left it.
 */
import { DEVICE_TYPES } from '../../domain/device-type.ts';
import { DEVICE_SPECS, type LoadSchedule } from '../fleet/device-specs.ts';
import { MINUTES_PER_WEEK, minuteOfWeek, weekIndex } from './zone-clock.ts';

export interface LoadProfile {
  /** Mean load fraction of type `t` at minute-of-week `m`: `table[t * 10080 + m]`. */
  readonly table: Float32Array;
  /** Sum of `table` over the minutes before `m` of the week: `cumulative[t * 10081 + m]`. */
  readonly cumulative: Float64Array;
}

/** Mean load (fraction of rated current) of `schedule` at a minute of the week (Monday 00:00 = 0). */
export function scheduleLoad(schedule: LoadSchedule, weekMinute: number): number {
  const day = Math.floor(weekMinute / 1440);
  const h = (weekMinute % 1440) / 60;
  const s = schedule;
  let load: number;
  if (day <= 4) {
    load = h < 14 ? ramp(h, 5.5, 6.5, s.night, s.shift) : ramp(h, 21.5, 22.5, s.shift, s.night);
    load -= s.shift * s.lunchDip * (ramp(h, 11.75, 12, 0, 1) - ramp(h, 12.75, 13, 0, 1));
  } else if (day === 5) {
    load = h < 10 ? ramp(h, 5.5, 6.5, s.night, s.saturday) : ramp(h, 13.5, 14.5, s.saturday, s.weekend);
  } else {
    // Sunday evening: compressors, furnaces and pumps come up for Monday.
    load = ramp(h, 21.5, 22.5, s.weekend, s.night);
  }
  load += s.afternoonGain * Math.sin((2 * Math.PI * (h - 9)) / 24);
  return Math.max(0, load);
}

function ramp(h: number, from: number, to: number, a: number, b: number): number {
  const x = Math.min(1, Math.max(0, (h - from) / (to - from)));
  return a + (b - a) * x * x * (3 - 2 * x);
}

let shared: LoadProfile | undefined;

/** The profile tables, built once per process (about 0.6 MB). */
export function loadProfile(): LoadProfile {
  if (shared) return shared;
  const table = new Float32Array(DEVICE_TYPES.length * MINUTES_PER_WEEK);
  const cumulative = new Float64Array(DEVICE_TYPES.length * (MINUTES_PER_WEEK + 1));
  DEVICE_TYPES.forEach((type, t) => {
    let sum = 0;
    for (let m = 0; m < MINUTES_PER_WEEK; m++) {
      const value = scheduleLoad(DEVICE_SPECS[type].schedule, m);
      table[t * MINUTES_PER_WEEK + m] = value;
      cumulative[t * (MINUTES_PER_WEEK + 1) + m] = sum;
      sum += value;
    }
    cumulative[t * (MINUTES_PER_WEEK + 1) + MINUTES_PER_WEEK] = sum;
  });
  shared = { table, cumulative };
  return shared;
}

/** Integral of the profile of type `t` from the week origin to `localMinute`, in load-minutes. */
export function integratedLoad(profile: LoadProfile, t: number, localMinute: number): number {
  const base = t * (MINUTES_PER_WEEK + 1);
  const week = profile.cumulative[base + MINUTES_PER_WEEK] as number;
  return weekIndex(localMinute) * week + (profile.cumulative[base + minuteOfWeek(localMinute)] as number);
}
