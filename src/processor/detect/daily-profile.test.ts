import { describe, expect, it } from 'vitest';
import { craftReadings } from '../../../test/support/crafted-readings.ts';
import type { Reading } from '../../domain/reading.ts';
import type { Assessment } from '../../domain/sensor-state.ts';
import { createDetector } from './create-detector.ts';
import { DailyProfile } from './daily-profile.ts';
import { DEFAULT_DETECTOR_OPTIONS } from './options.ts';
import { createRandom } from './random.ts';

const FIVE_MIN = 300_000;
const PER_DAY = 288;

/** A furnace drawing 20 kW at night and 80 kW from 09:00 to 18:00, every 5 minutes, with noise. */
function plant(days: number, change: (day: number, hour: number, kw: number) => number = (_, __, kw) => kw) {
  const random = createRandom(4);
  const start = Date.UTC(2026, 0, 5);
  return Array.from({ length: days * PER_DAY }, (_, i): Reading => {
    const ms = start + i * FIVE_MIN;
    const hour = (i % PER_DAY) / 12;
    const kw = hour >= 9 && hour < 18 ? 80 : 20;
    return {
      sensor_id: 'furnace_1',
      ts: new Date(ms).toISOString(),
      seq: i,
      device_type: 'furnace',
      location: 'hall',
      current: null,
      voltage: null,
      power_factor: null,
      power_kw: change(Math.floor(i / PER_DAY), hour, kw) + 2 * (random() - 0.5),
      energy_kwh: null,
      temperature: null,
      pressure: null,
      vibration: null,
      producer_host: 'test',
      injected: null,
    };
  });
}

const OPTIONS = {
  ...DEFAULT_DETECTOR_OPTIONS,
  baselineWarmup: 2 * PER_DAY,
  modelWarmupRows: 2 * PER_DAY,
  forest: { trees: 20, sampleSize: 128, seed: 1 },
};

describe('daily profile', () => {
  it('learns the working day from a two-day warm-up, so the daily ramps are not anomalies', () => {
    const out = createDetector(OPTIONS).assess(plant(6));
    const flagged = out.slice(2 * PER_DAY).filter((a) => a.is_anomaly).length;
    expect(flagged).toBeLessThan(6);
  });

  it('flags a working day that does not happen (day 4 stays at night load)', () => {
    const readings = plant(6, (day, hour, kw) => (day === 4 && hour >= 9 && hour < 18 ? 20 : kw));
    const out = createDetector(OPTIONS).assess(readings);
    const skipped = out.slice(4 * PER_DAY + 9 * 12, 4 * PER_DAY + 18 * 12);
    expect(skipped.filter((a) => a.is_anomaly).length).toBeGreaterThan(skipped.length / 2);
    expect(skipped[12]?.reasons.join(' ')).toMatch(/^power .*below its baseline of \d/);
  });
});

describe('DailyProfile.learnWarmup', () => {
  const values = (days: number) => plant(days).map((r) => r.power_kw as number);
  const times = (days: number) => plant(days).map((r) => Date.parse(r.ts));

  it('trusts a pattern only once every hour has been seen on two days: one day may hold a one-off', () => {
    expect(new DailyProfile(24, 12).learnWarmup(values(1), times(1))).toBe(false);
    expect(new DailyProfile(24, 12).learnWarmup(values(2), times(2))).toBe(true);
  });
});

describe('daily profile of the noise', () => {
  /** Busy hours (09:00-18:00) at 80 kW ± 15, nights at 20 kW ± 1: the day is noisier as well as higher. */
  function busy(days: number, bump: (day: number, hour: number) => number = () => 0): Reading[] {
    const random = createRandom(9);
    return plant(days).map((r, i) => {
      const hour = (i % PER_DAY) / 12;
      const day = hour >= 9 && hour < 18;
      const kw = (day ? 80 : 20) + (day ? 30 : 2) * (random() - 0.5) + bump(Math.floor(i / PER_DAY), hour);
      return { ...r, power_kw: kw };
    });
  }

  it('does not flag the busy hours\u2019 wider swings', () => {
    const out = createDetector(OPTIONS).assess(busy(6));
    // One noise level for the whole day flagged 18 of these readings.
    expect(out.slice(2 * PER_DAY).filter((a) => a.is_anomaly).length).toBeLessThan(10);
  });

  it('still flags a night-time bump smaller than the daytime swings', () => {
    const out = createDetector(OPTIONS).assess(
      busy(6, (day, hour) => (day === 4 && hour >= 2 && hour < 3 ? 8 : 0)),
    );
    const bump = out.slice(4 * PER_DAY + 24, 4 * PER_DAY + 36);
    // Held to the whole day's noise, 2 of these 12 readings were flagged.
    expect(bump.filter((a) => a.is_anomaly).length).toBeGreaterThan(6);
  });
});

describe('daily profile started after the warm-up', () => {
  /** A steady motor read every minute for two days: nothing about it is anomalous. */
  const steady = craftReadings({ count: 2 * 1440, seed: 5, intervalMs: 60_000 });
  const flaggedOrBanded = (options: typeof DEFAULT_DETECTOR_OPTIONS) => {
    const detector = createDetector({ ...options, warmupStagger: 0 });
    const out: Assessment[] = [];
    for (let i = 0; i < steady.length; i += 200) out.push(...detector.assess(steady.slice(i, i + 200)));
    return out.filter((a) => a.is_anomaly || a.status !== 'normal').length;
  };

  it('starts its day level from the signal, not from 0 (a one-hour warm-up: the profile starts at 6 h)', () => {
    expect(flaggedOrBanded(DEFAULT_DETECTOR_OPTIONS)).toBeLessThan(30);
  });

  it('keeps what a warm-up shorter than a day showed (a ten-hour warm-up)', () => {
    expect(
      flaggedOrBanded({ ...DEFAULT_DETECTOR_OPTIONS, baselineWarmup: 600, modelWarmupRows: 600 }),
    ).toBeLessThan(30);
  });
});
