import { describe, expect, it } from 'vitest';
import { craftReadings, inject } from '../../../test/support/crafted-readings.ts';
import type { Reading } from '../../domain/reading.ts';
import type { Assessment } from '../../domain/sensor-state.ts';
import { createDetector, staggerOf } from './create-detector.ts';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from './options.ts';

const OPTIONS: DetectorOptions = {
  ...DEFAULT_DETECTOR_OPTIONS,
  baselineWarmup: 120,
  warmupStagger: 0,
  modelWarmupRows: 300,
  forest: { trees: 25, sampleSize: 128, seed: 7 },
};
const ONSET = 800;

/** Runs readings through a fresh detector in chunks of 100, as the processor would. */
function run(readings: readonly Reading[], options = OPTIONS): Assessment[] {
  const detector = createDetector(options);
  const out: Assessment[] = [];
  for (let i = 0; i < readings.length; i += 100) out.push(...detector.assess(readings.slice(i, i + 100)));
  return out;
}

function firstFlag(assessments: readonly Assessment[], from: number): number {
  const i = assessments.findIndex((a, k) => k >= from && a.is_anomaly);
  return i < 0 ? Number.POSITIVE_INFINITY : i - from;
}

const clean = craftReadings({ count: 1300, seed: 11 });

describe('createDetector on normal operation', () => {
  it('learns during warm-up, then scores with a trained model and rarely flags', () => {
    const out = run(clean);
    expect(out.slice(0, 120).every((a) => a.model_version === 'warmup' && !a.is_anomaly)).toBe(true);
    expect(out[120]?.model_version).toBe('rules');
    expect(out.at(-1)?.model_version).toBe('motor@1');
    const live = out.slice(120);
    const flagged = live.filter((a) => a.is_anomaly).length;
    expect(flagged / live.length).toBeLessThan(0.01);
    expect(live.every((a) => a.anomaly_score >= 0 && a.anomaly_score < 1)).toBe(true);
    expect(live.filter((a) => a.status === 'critical')).toHaveLength(0);
  });

  it('is deterministic: the same readings give the same assessments', () => {
    expect(run(clean)).toEqual(run(clean));
  });

  it('lets a fleet that starts together leave warm-up over warmupStagger readings, each sensor always alike', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `sensor_${i}`);
    const extra = ids.map((id) => staggerOf(id, 30));
    expect(ids.map((id) => staggerOf(id, 30))).toEqual(extra);
    expect(Math.min(...extra)).toBe(0);
    expect(Math.max(...extra)).toBe(30);
    // Spread out, not bunched: no reading sees more than a tenth of the fleet leave warm-up.
    const exits = new Array<number>(31).fill(0);
    for (const e of extra) exits[e] = (exits[e] as number) + 1;
    expect(Math.max(...exits)).toBeLessThan(40);
    expect(staggerOf('sensor_1', 0)).toBe(0);

    const detector = createDetector({ ...OPTIONS, warmupStagger: 30 });
    const sensor = clean.map((r) => ({ ...r, sensor_id: 'sensor_7' }));
    const out = detector.assess(sensor.slice(0, 200));
    const warm = out.findIndex((a) => a.model_version !== 'warmup');
    expect(warm).toBe(OPTIONS.baselineWarmup + staggerOf('sensor_7', 30));
  });

  it('refuses options that would silently break detection', () => {
    expect(() => createDetector({ ...OPTIONS, modelWarmupRows: 5000, retrainRows: 4096 })).toThrow(
      /modelWarmupRows must not exceed retrainRows/,
    );
    expect(() => createDetector({ ...OPTIONS, baselineWarmup: 1 })).toThrow(/baselineWarmup/);
    expect(() => createDetector({ ...OPTIONS, warmupStagger: -1 })).toThrow(/warmupStagger/);
  });

  it('refuses to score a repeated seq instead of moving the baseline backwards', () => {
    const detector = createDetector(OPTIONS);
    detector.assess(clean.slice(0, 200));
    const [again] = detector.assess([clean[150] as Reading]);
    expect(again?.reasons[0]).toMatch(/repeated or out-of-order/);
  });
});

describe('each anomaly kind on a crafted series', () => {
  it('spike: one reading at twice the current is flagged at once', () => {
    const series = inject(clean, ONSET, 1, 'spike', (r) => ({ current: (r.current as number) * 2 }));
    const out = run(series);
    expect(firstFlag(out, ONSET)).toBe(0);
    expect(out[ONSET]?.reasons.join(' ')).toMatch(/current .*σ above its baseline|current jumped/);
    // A single glitch raises failure probability only a little.
    expect(out[ONSET]?.failure_probability).toBeLessThan(0.4);
  });

  it('level shift: current +3 A (7σ) from then on is flagged within 2 readings', () => {
    const series = inject(clean, ONSET, 500, 'level_shift', (r) => ({ current: (r.current as number) + 3 }));
    const out = run(series);
    expect(firstFlag(out, ONSET)).toBeLessThanOrEqual(2);
    // Sustained, it drives failure probability up and the status to critical.
    expect(out[ONSET + 100]?.failure_probability).toBeGreaterThan(0.7);
    expect(out[ONSET + 100]?.status).toBe('critical');
    expect(out[ONSET + 100]?.reasons.join(' ')).toMatch(/current .* for \d+ (s|min)/);
  });

  it('drift: temperature creeping up 0.01 °C a second is caught before it reaches +2 °C', () => {
    const series = inject(clean, ONSET, 500, 'drift', (r, k) => ({
      temperature: (r.temperature as number) + 0.01 * k,
    }));
    const out = run(series);
    const delay = firstFlag(out, ONSET);
    expect(delay).toBeLessThan(200);
    expect(out.slice(0, ONSET).filter((a, i) => i > 120 && a.is_anomaly).length).toBeLessThan(8);
  });

  it('stuck: every channel repeating one reading is flagged within 10 readings', () => {
    const frozen = clean[ONSET - 1] as Reading;
    const series = inject(clean, ONSET, 40, 'stuck', () => ({
      current: frozen.current,
      voltage: frozen.voltage,
      temperature: frozen.temperature,
      pressure: frozen.pressure,
      vibration: frozen.vibration,
      power_factor: frozen.power_factor,
      power_kw: frozen.power_kw,
    }));
    const out = run(series);
    expect(firstFlag(out, ONSET)).toBeLessThanOrEqual(10);
    expect(out[ONSET + 20]?.reasons.join(' ')).toMatch(/stuck at/);
  });

  it('noise burst: vibration six times noisier is flagged within 10 readings', () => {
    const series = inject(clean, ONSET, 40, 'noise_burst', (r) => ({
      vibration: 2 + 6 * ((r.vibration as number) - 2),
    }));
    expect(firstFlag(run(series), ONSET)).toBeLessThanOrEqual(10);
  });

  it('overheating: temperature climbing 0.5 °C a second is flagged within 2 readings, critical past +30 °C', () => {
    const series = inject(clean, ONSET, 80, 'overheating', (r, k) => ({
      temperature: (r.temperature as number) + 0.5 * (k + 1),
    }));
    const out = run(series);
    expect(firstFlag(out, ONSET)).toBeLessThanOrEqual(2);
    const hot = out[ONSET + 70] as Assessment;
    expect(hot.status).toBe('critical');
    expect(hot.reasons.join(' ')).toMatch(/temperature .* above nominal \(critical band/);
  });

  it('overheating cool-down: flagged while the temperature returns after the overload stops, released once back', () => {
    // 300 readings of overload (+25% current, temperature towards +20 °C with a 60-reading lag),
    // then the current is back and the excess heat decays with the same lag.
    const excess = (k: number) =>
      k < 300
        ? 20 * (1 - Math.exp(-(k + 1) / 60))
        : 20 * (1 - Math.exp(-300 / 60)) * Math.exp(-(k - 299) / 60);
    const series = inject(clean, ONSET, 480, 'overheating', (r, k) => ({
      current: k < 300 ? (r.current as number) * 1.25 : r.current,
      temperature: (r.temperature as number) + excess(k),
    }));
    const out = run(series);
    const cooling = out.slice(ONSET + 300, ONSET + 360);
    expect(cooling.every((a) => a.is_anomaly)).toBe(true);
    expect(cooling.at(-1)?.reasons.join(' ')).toMatch(/temperature persistently/);
    // The late tail (excess 1.0-1.3 °C): the tests alone let go here, the recovery hold keeps the
    // sensor flagged while the temperature is still coming down.
    expect(out.slice(ONSET + 360, ONSET + 470).every((a) => a.is_anomaly)).toBe(true);
    // Back at its normal temperature (excess under 0.1 °C from reading 618 on), the sensor is released.
    expect(out.slice(ONSET + 480, ONSET + 500).some((a) => a.is_anomaly)).toBe(false);
  });

  it('dropout: the first reading after five silent minutes is flagged and says so', () => {
    const series = clean.filter((_, i) => i < ONSET || i >= ONSET + 300);
    const out = run(series);
    const resumed = out[ONSET] as Assessment;
    expect(resumed.is_anomaly).toBe(true);
    expect(resumed.reasons[0]).toMatch(/resumed after 5 min of silence \(usually every 1 s\)/);
  });

  it('dropout: a silence no longer than one the sensor resumed from lately is its habit; a longer one is flagged', () => {
    const silent = (i: number) =>
      (i >= 800 && i < 1100) || (i >= 1150 && i < 1350) || (i >= 1400 && i < 2300);
    const out = run(craftReadings({ count: 2600, seed: 11 }).filter((_, i) => !silent(i)));
    expect(out[800]?.reasons[0]).toMatch(/resumed after 5 min of silence/);
    expect(out[850]?.is_anomaly).toBe(false);
    expect(out[900]?.is_anomaly).toBe(true);
    expect(out[900]?.reasons[0]).toMatch(/resumed after 15 min of silence/);
  });

  it('a channel that stops reporting is flagged', () => {
    const series = inject(clean, ONSET, 20, 'dropout', () => ({ temperature: null }));
    const out = run(series);
    expect(firstFlag(out, ONSET)).toBe(0);
    expect(out[ONSET]?.reasons[0]).toMatch(/a channel stopped reporting/);
  });
});

describe('a lasting change on a slow sensor', () => {
  // Every 5 minutes: 288 readings a day, so 1800 flagged readings would take over six days. A
  // warm-up of a day: the reference is trusted from the start (no settling at full speed).
  const options = { ...OPTIONS, baselineWarmup: 300, modelWarmupRows: 300 };
  const SHIFT = 500;
  const shifted = inject(
    craftReadings({ count: 1500, seed: 11, intervalMs: 300_000 }),
    SHIFT,
    1000,
    'level_shift',
    (r) => ({
      current: (r.current as number) + 3,
    }),
  );
  const flagsIn = (out: Assessment[], from: number, to: number) =>
    out.slice(from, to).filter((a) => a.is_anomaly).length;

  it('is a new normal once flagged for a day of data time, so the next change stands out again', () => {
    const out = run(shifted, options);
    expect(firstFlag(out, SHIFT)).toBeLessThanOrEqual(2);
    expect(flagsIn(out, SHIFT, SHIFT + 288)).toBe(288);
    expect(flagsIn(out, 1300, 1500)).toBeLessThan(5);
    const again = inject(shifted, 1350, 150, 'level_shift', (r) => ({ current: (r.current as number) + 3 }));
    expect(firstFlag(run(again, options), 1350)).toBeLessThanOrEqual(2);
  });

  it('stays flagged without the time limit, until 1800 readings have passed', () => {
    const out = run(shifted, { ...options, acceptAfterMs: Number.POSITIVE_INFINITY });
    expect(flagsIn(out, 1300, 1500)).toBe(200);
  });
});

describe('models', () => {
  it('trains one model per device type on pooled sensors and labels versions per type', () => {
    const detector = createDetector(OPTIONS);
    const pump = craftReadings({ count: 400, seed: 3, sensorId: 'pump_1' }).map((r) => ({
      ...r,
      device_type: 'pump' as const,
    }));
    const motors = [1, 2, 3].map((s) => craftReadings({ count: 400, seed: 20 + s, sensorId: `motor_${s}` }));
    for (let i = 0; i < 400; i += 50) {
      detector.assess([...motors.flatMap((m) => m.slice(i, i + 50)), ...pump.slice(i, i + 50)]);
    }
    expect(detector.typeState('motor').version).toBe('motor@1');
    expect(detector.typeState('pump').version).toBe('pump@1');
    expect(detector.typeState('motor').model?.rows).toBeGreaterThanOrEqual(300);
    expect(detector.sensorCount).toBe(4);
  });
});

describe('createDetector on a fleet', () => {
  const SENSORS = 12;
  const DRIFT_AT = 1500;
  /** 12 motors reading once a second, interleaved in time; `drifts(s)` says which warm by 0.003 °C/s. */
  function fleet(drifts: (sensor: number) => boolean): Reading[][] {
    return Array.from({ length: SENSORS }, (_, s) =>
      inject(
        craftReadings({ count: 2400, seed: 100 + s, sensorId: `motor_${s}` }),
        DRIFT_AT,
        900,
        'drift',
        (r, k) => (drifts(s) ? { temperature: (r.temperature as number) + 0.003 * k } : {}),
      ),
    );
  }
  /** Share of each sensor's drift-period readings flagged. */
  function flaggedShare(series: Reading[][]): number[] {
    const detector = createDetector(OPTIONS);
    const flagged = new Array<number>(SENSORS).fill(0);
    for (let i = 0; i < 2400; i++) {
      const out = detector.assess(series.map((s) => s[i] as Reading));
      if (i < DRIFT_AT) continue;
      out.forEach((a, s) => {
        if (a.is_anomaly) flagged[s] = (flagged[s] as number) + 1;
      });
    }
    return flagged.map((f) => f / 900);
  }

  it('does not flag a warming the whole type shares (weather, a shift), but does flag one sensor doing it', () => {
    const together = flaggedShare(fleet(() => true));
    expect(Math.max(...together)).toBeLessThan(0.05);
    const alone = flaggedShare(fleet((s) => s === 0));
    expect(alone[0]).toBeGreaterThan(0.5);
    expect(Math.max(...alone.slice(1))).toBeLessThan(0.05);
  });
});
