import { describe, expect, it } from 'vitest';
import { DEVICE_TYPES } from '../../domain/device-type.ts';
import { DEVICE_SPECS } from '../fleet/device-specs.ts';
import { integratedLoad, loadProfile, scheduleLoad } from './load-profile.ts';

const at = (day: number, hour: number, minute = 0) => day * 1440 + hour * 60 + minute;
const MON = 0;
const WED = 2;
const SAT = 5;
const SUN = 6;

describe('scheduleLoad', () => {
  it('runs weekday shifts well above the night for equipment that follows shifts', () => {
    for (const type of ['motor', 'conveyor', 'compressor'] as const) {
      const s = DEVICE_SPECS[type].schedule;
      expect(scheduleLoad(s, at(WED, 10))).toBeCloseTo(s.shift, 5);
      expect(scheduleLoad(s, at(WED, 2))).toBeCloseTo(s.night, 5);
      expect(scheduleLoad(s, at(WED, 10))).toBeGreaterThan(1.5 * scheduleLoad(s, at(WED, 2)));
    }
  });

  it('keeps Sunday quiet, runs a Saturday morning shift, and dips over lunch', () => {
    const s = DEVICE_SPECS.conveyor.schedule;
    expect(scheduleLoad(s, at(SUN, 10))).toBeCloseTo(s.weekend, 5);
    expect(scheduleLoad(s, at(SAT, 10))).toBeCloseTo(s.saturday, 5);
    expect(scheduleLoad(s, at(SAT, 18))).toBeCloseTo(s.weekend, 5);
    expect(scheduleLoad(s, at(WED, 12, 20))).toBeCloseTo(s.shift * (1 - s.lunchDip), 5);
  });

  it('ramps smoothly: no step larger than 5 % of rated load between consecutive minutes', () => {
    for (const type of DEVICE_TYPES) {
      const s = DEVICE_SPECS[type].schedule;
      let worst = 0;
      for (let m = 1; m <= 10080; m++) {
        worst = Math.max(worst, Math.abs(scheduleLoad(s, m % 10080) - scheduleLoad(s, m - 1)));
      }
      expect(worst, type).toBeLessThan(0.05);
    }
  });

  it('makes cooling towers work harder in the warm afternoon', () => {
    const s = DEVICE_SPECS.cooling_tower.schedule;
    expect(scheduleLoad(s, at(SUN, 15))).toBeGreaterThan(scheduleLoad(s, at(SUN, 9)) + 0.1);
  });

  it('starts Monday from the night level, continuous with Sunday evening', () => {
    const s = DEVICE_SPECS.motor.schedule;
    expect(scheduleLoad(s, at(SUN, 23, 59))).toBeCloseTo(scheduleLoad(s, at(MON, 0)), 5);
  });
});

describe('integratedLoad', () => {
  it('is the running sum of the table, continuing across weeks', () => {
    const profile = loadProfile();
    const t = 3;
    const start = 10080 * 2800 + 5; // some minute in 2023
    let sum = 0;
    for (let m = start; m < start + 20_000; m++)
      sum += profile.table[t * 10080 + ((m + 4320) % 10080)] as number;
    const integral = integratedLoad(profile, t, start + 20_000) - integratedLoad(profile, t, start);
    expect(integral).toBeCloseTo(sum, 3);
  });
});
