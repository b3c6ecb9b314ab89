import { describe, expect, it } from 'vitest';
import { correlation, lag1, mean, runGenerator } from '../../../test/support/simulated-run.ts';
import { DEVICE_TYPES } from '../../domain/device-type.ts';
import type { Reading } from '../../domain/reading.ts';
import { validateReading } from '../../domain/reading-codec.ts';
import { createFleet } from '../fleet/create-fleet.ts';
import { DEVICE_SPECS } from '../fleet/device-specs.ts';
import { NO_ANOMALIES } from './anomaly-episodes.ts';
import { createGenerator } from './create-generator.ts';

/** Wednesday 2026-03-04, 10:00 UTC: a weekday shift plateau (lunch starts at 11:45). */
const WED_10 = Date.parse('2026-03-04T10:00:00Z');
const HOUR = 3_600_000;

const quiet = (sensors: number, seed: number, startMs = WED_10, extra = {}) =>
  createGenerator(createFleet({ sensors, seed }), { startMs, anomalies: NO_ANOMALIES, ...extra });

const present = (rows: (Reading | null)[]) => rows.filter((r): r is Reading => r !== null);

describe('createGenerator: determinism', () => {
  it('pins exact readings for seed 42 (golden values)', () => {
    const generator = createGenerator(createFleet({ sensors: 300, seed: 42 }), {
      startMs: WED_10,
      producerHost: 'golden',
    });
    expect(generator.sample(0, WED_10)).toEqual(GOLDEN_SENSOR_0_STEP_0);
    expect(generator.sample(0, WED_10 + 1000, 17)).toEqual(GOLDEN_SENSOR_0_STEP_1);
    expect(generator.sample(299, WED_10 + 1000)).toEqual(GOLDEN_SENSOR_299);
  });

  it('pins when and where the first episode of each kind happens for seed 42 (golden timeline)', () => {
    const generator = createGenerator(createFleet({ sensors: 300, seed: 42 }), {
      startMs: WED_10,
      producerHost: 'golden',
    });
    const first: Record<string, string> = {};
    const firstReading: Record<string, Reading> = {};
    for (let s = 0; s < 1100; s++) {
      for (let i = 0; i < 300; i++) {
        const reading = generator.sample(i, WED_10 + s * 1000);
        const kind = reading ? reading.injected : 'silent';
        if (kind && !(kind in first)) {
          first[kind] = `${generator.fleet.ids[i]} +${s}s`;
          if (reading) firstReading[kind] = reading;
        }
      }
    }
    expect(first).toEqual({
      spike: 'sensor_065 +51s',
      stuck: 'sensor_183 +78s',
      drift: 'sensor_282 +87s',
      noise_burst: 'sensor_195 +172s',
      overheating: 'sensor_018 +179s',
      level_shift: 'sensor_075 +193s',
      silent: 'sensor_038 +927s',
      dropout: 'sensor_038 +1040s',
    });
    expect(firstReading.spike).toEqual({
      sensor_id: 'sensor_065',
      ts: '2026-03-04T10:00:51.000Z',
      seq: 1772618451000,
      device_type: 'conveyor',
      location: 'production_a',
      current: 38.26,
      voltage: 391.1,
      power_factor: 0.7,
      power_kw: 18.132,
      energy_kwh: 47088.289,
      temperature: 39.18,
      pressure: 5.609,
      vibration: 1.258,
      producer_host: 'golden',
      injected: 'spike',
    });
  });

  it('gives the same values for the same seed, whatever the order sensors are sampled in', () => {
    const range = { startMs: WED_10, steps: 200, intervalMs: 1000 };
    const a = runGenerator(
      createGenerator(createFleet({ sensors: 50, seed: 5 }), { startMs: WED_10 }),
      range,
    );
    const reversed = createGenerator(createFleet({ sensors: 50, seed: 5 }), { startMs: WED_10 });
    const b: (Reading | null)[][] = Array.from({ length: 50 }, () => []);
    for (let step = 0; step < 200; step++) {
      for (let i = 49; i >= 0; i--) b[i]?.push(reversed.sample(i, WED_10 + step * 1000));
    }
    expect(b).toEqual(a);
    const other = runGenerator(
      createGenerator(createFleet({ sensors: 50, seed: 6 }), { startMs: WED_10 }),
      range,
    );
    expect(other).not.toEqual(a);
  });
});

describe('createGenerator: realistic values', () => {
  const generator = quiet(700, 21);
  const fleet = generator.fleet;
  const rows = runGenerator(generator, { startMs: WED_10, steps: 120, intervalMs: 5000 });

  it('produces valid readings (the reading codec accepts every one)', () => {
    const rejected = rows.flat().filter((r) => !validateReading(r).ok);
    expect(rejected).toEqual([]);
  });

  it('keeps each device type inside its ranges, with the type’s mean load on a weekday shift', () => {
    DEVICE_TYPES.forEach((type, t) => {
      const spec = DEVICE_SPECS[type];
      const sensors = rows.flatMap((_, i) => (fleet.deviceType[i] === t ? [i] : []));
      const readings = sensors.flatMap((i) => present(rows[i] as (Reading | null)[]));
      const loads = sensors.flatMap((i) =>
        present(rows[i] as (Reading | null)[]).map(
          (r) => (r.current as number) / (fleet.ratedCurrentA[i] as number),
        ),
      );
      // Per-sensor load scale averages 0.95; OU noise averages out over the fleet.
      expect(mean(loads), type).toBeGreaterThan(spec.schedule.shift * 0.95 * 0.9);
      expect(mean(loads), type).toBeLessThan(spec.schedule.shift * 0.95 * 1.1);
      const span = (pick: (r: Reading) => number) => {
        const values = readings.map(pick);
        return { min: values.reduce((a, b) => Math.min(a, b)), max: values.reduce((a, b) => Math.max(a, b)) };
      };
      const voltage = span((r) => (r.voltage as number) / spec.nominalVoltageV);
      expect(voltage.min, type).toBeGreaterThan(0.94);
      expect(voltage.max, type).toBeLessThan(1.06);
      const pf = span((r) => r.power_factor as number);
      expect(pf.min, type).toBeGreaterThanOrEqual(spec.powerFactor[0] - 0.15);
      expect(pf.max, type).toBeLessThanOrEqual(Math.min(0.999, spec.powerFactor[1] + 0.03));
      const temperature = span((r) => r.temperature as number);
      expect(temperature.min, type).toBeGreaterThan(10);
      expect(temperature.max, type).toBeLessThan(80);
      const pressure = span((r) => r.pressure as number);
      expect(pressure.min, type).toBeGreaterThan(spec.pressureBar[0] * 0.75);
      expect(pressure.max, type).toBeLessThan(spec.pressureBar[1] * 1.25);
      const vibrations = readings.map((r) => r.vibration as number);
      expect(span((r) => r.vibration as number).max, type).toBeLessThan(7.1);
      expect(vibrations.filter((v) => v < 4.5).length / vibrations.length, type).toBeGreaterThan(0.95);
    });
  });

  it('computes power as √3·V·I·cos φ (three-phase) and never publishes negative magnitudes', () => {
    const off = present(rows.flat()).filter((r) => {
      const expected =
        (Math.sqrt(3) * (r.voltage as number) * (r.current as number) * (r.power_factor as number)) / 1000;
      // Published values are rounded (V to 0.1, I to 0.01, PF to 0.001).
      return (
        Math.abs((r.power_kw as number) - expected) > 0.002 * expected + 0.01 || (r.current as number) < 0
      );
    });
    expect(off).toEqual([]);
  });

  it('uses a fleet of 100,000 sensors within a small, fixed memory budget', () => {
    const big = createGenerator(createFleet({ sensors: 100_000, seed: 1 }), { startMs: WED_10 });
    expect(big.fleet.ids[99_999]).toBe('sensor_99999');
    expect(new Set(big.fleet.ids).size).toBe(100_000);
    expect(big.bytesPerSensor()).toBeLessThan(240);
    let valid = 0;
    for (let i = 0; i < 100_000; i++) {
      const reading = big.sample(i, WED_10 + Math.floor(i / 100));
      if (reading && (i % 101 !== 0 || validateReading(reading).ok)) valid++;
    }
    expect(valid).toBeGreaterThan(99_900);
  });
});

describe('createGenerator: load profile and physics over time', () => {
  const fleetMeanLoad = (startMs: number, timeZone = 'UTC') => {
    const generator = quiet(350, 2, startMs, { timeZone });
    const rows = runGenerator(generator, { startMs, steps: 5, intervalMs: 60_000 });
    return DEVICE_TYPES.map((_, t) =>
      mean(
        rows.flatMap((r, i) =>
          generator.fleet.deviceType[i] === t
            ? present(r).map((x) => (x.current as number) / (generator.fleet.ratedCurrentA[i] as number))
            : [],
        ),
      ),
    );
  };

  it('follows day and night, weekday and weekend, in the configured time zone', () => {
    const day = fleetMeanLoad(WED_10);
    const night = fleetMeanLoad(WED_10 - 8 * HOUR);
    const sunday = fleetMeanLoad(WED_10 + 4 * 24 * HOUR);
    const motor = DEVICE_TYPES.indexOf('motor');
    const conveyor = DEVICE_TYPES.indexOf('conveyor');
    for (const t of [motor, conveyor]) {
      expect(day[t]).toBeGreaterThan(2 * (night[t] as number));
      expect(day[t]).toBeGreaterThan(2 * (sunday[t] as number));
    }
    // 01:00 UTC is 10:00 in Tokyo: day shift there, night in UTC.
    const tokyo = fleetMeanLoad(WED_10 - 9 * HOUR, 'Asia/Tokyo');
    expect(tokyo[motor]).toBeGreaterThan(2 * (night[motor] as number));
  });

  it('makes noise autocorrelated (Ornstein–Uhlenbeck), not independent draws', () => {
    const generator = quiet(7, 9);
    const rows = runGenerator(generator, { startMs: WED_10, steps: 1800, intervalMs: 1000 });
    for (const series of rows) {
      const current = present(series).map((r) => r.current as number);
      const vibration = present(series).map((r) => r.vibration as number);
      expect(lag1(current)).toBeGreaterThan(0.9);
      expect(lag1(vibration)).toBeGreaterThan(0.8);
      // Not a constant either: the noise has a real spread.
      const m = mean(current);
      expect(Math.sqrt(mean(current.map((c) => (c - m) ** 2))) / m).toBeGreaterThan(0.01);
    }
  });

  it('lets temperature follow load with a lag, and vibration grow with load and wear', () => {
    // From 05:00 to 09:00 a motor goes from night to day shift at 06:00.
    const start = WED_10 - 5 * HOUR;
    const generator = quiet(300, 13, start);
    const motors = [...generator.fleet.deviceType.keys()].filter((i) => generator.fleet.deviceType[i] === 0);
    const rows = runGenerator(generator, { startMs: start, steps: 480, intervalMs: 30_000, sensors: motors });
    const minute = (k: number) => k / 2;
    for (const series of rows) {
      const readings = present(series);
      const current = readings.map((r) => r.current as number);
      const temperature = readings.map((r) => r.temperature as number);
      const reach = (values: number[], share: number) => {
        const lo = mean(values.slice(0, 40));
        const hi = mean(values.slice(-40));
        return values.findIndex((v) => v - lo >= share * (hi - lo));
      };
      // Current is at 80 % of its rise within the ramp; temperature only well after it.
      expect(minute(reach(current, 0.8))).toBeLessThan(100);
      expect(minute(reach(temperature, 0.8)) - minute(reach(current, 0.8))).toBeGreaterThan(15);
      expect(
        correlation(
          current,
          readings.map((r) => r.vibration as number),
        ),
      ).toBeGreaterThan(0.5);
    }
    // Across machines of one type at the same hour, the worn ones vibrate more.
    const fleet = generator.fleet;
    const lastHour = rows.map((series, k) => {
      const i = motors[k] as number;
      const vib = mean(present(series.slice(-120)).map((r) => r.vibration as number));
      return (
        vib /
        (fleet.vibrationMmS[i] as number) /
        (0.25 +
          0.75 *
            mean(
              present(series.slice(-120)).map(
                (r) => (r.current as number) / (fleet.ratedCurrentA[i] as number),
              ),
            ))
      );
    });
    expect(
      correlation(
        motors.map((i) => fleet.wear[i] as number),
        lastHour,
      ),
    ).toBeGreaterThan(0.8);
  });

  it('keeps energy_kwh a monotone meter that integrates power, also across gaps', () => {
    const generator = createGenerator(createFleet({ sensors: 20, seed: 4 }), { startMs: WED_10 });
    for (let i = 0; i < 20; i++) {
      let previous: Reading | null = null;
      for (let step = 0; step < 600; step++) {
        // Steps 300–419 are skipped, as after an outage: the meter still counts the gap.
        if (step >= 300 && step < 420) continue;
        const reading = generator.sample(i, WED_10 + step * 1000);
        if (!reading) continue;
        if (previous) {
          const gained = (reading.energy_kwh as number) - (previous.energy_kwh as number);
          expect(gained).toBeGreaterThanOrEqual(0);
          const dtS = (reading.seq - previous.seq) / 1000;
          const expected = ((reading.power_kw as number) * dtS) / 3600;
          if (dtS === 1) expect(Math.abs(gained - expected)).toBeLessThan(0.0011 + expected * 0.01);
          if (dtS > 100) expect(gained).toBeGreaterThan(expected * 0.5);
        }
        previous = reading;
      }
    }
  });
});

const GOLDEN_SENSOR_0_STEP_0: Reading = {
  sensor_id: 'sensor_000',
  ts: '2026-03-04T10:00:00.000Z',
  seq: 1772618400000,
  device_type: 'motor',
  location: 'floor_b',
  current: 16.38,
  voltage: 390.4,
  power_factor: 0.848,
  power_kw: 9.391,
  energy_kwh: 253141.723,
  temperature: 37.77,
  pressure: 2.928,
  vibration: 1.879,
  producer_host: 'golden',
  injected: null,
};

const GOLDEN_SENSOR_0_STEP_1: Reading = {
  ...GOLDEN_SENSOR_0_STEP_0,
  ts: '2026-03-04T10:00:01.017Z',
  seq: 1772618401000,
  current: 16.56,
  voltage: 389.4,
  power_factor: 0.849,
  power_kw: 9.483,
  energy_kwh: 253141.725,
  temperature: 37.75,
  pressure: 2.942,
  vibration: 1.888,
};

const GOLDEN_SENSOR_299: Reading = {
  sensor_id: 'sensor_299',
  ts: '2026-03-04T10:00:01.000Z',
  seq: 1772618401000,
  device_type: 'furnace',
  location: 'floor_c',
  current: 101.58,
  voltage: 684,
  power_factor: 0.954,
  power_kw: 114.821,
  energy_kwh: 3664975.444,
  temperature: 42.21,
  pressure: 0.022,
  vibration: 0.703,
  producer_host: 'golden',
  injected: null,
};
