/**
 * The placeholder detector: explainable rules that give statuses a meaning until the detection issue
 * replaces it behind the same `Detector` interface. Per sensor and metric it keeps an exponentially
 * weighted mean and variance; after a warm-up, a value far from its own recent behaviour is flagged
 * (|z| ≥ 4 warning, ≥ 6 critical), and vibration is also held to the ISO 10816 zone limits (4.5 and
 * 7.1 mm/s RMS). Deviating values update the baseline only slowly, so an anomaly does not at once
 * become the new normal. `failure_probability` follows a per-sensor strain that rises with sustained
 * deviations and decays when the sensor behaves. It reads only measured values, never `injected`.
 */
import type { Reading } from '../domain/reading.ts';
import type { Assessment } from '../domain/sensor-state.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';
import type { Detector } from './detector.ts';

const WATCHED = [
  'current',
  'voltage',
  'power_factor',
  'power_kw',
  'temperature',
  'pressure',
  'vibration',
] as const;
type Watched = (typeof WATCHED)[number];

const UNITS: Record<Watched, string> = {
  current: ' A',
  voltage: ' V',
  power_factor: '',
  power_kw: ' kW',
  temperature: ' °C',
  pressure: ' bar',
  vibration: ' mm/s',
};

/** Smallest spread a metric is judged against, so a flat signal's tiny wobble is not an anomaly. */
const MIN_SPREAD: Record<Watched, number> = {
  current: 0.05,
  voltage: 0.5,
  power_factor: 0.005,
  power_kw: 0.02,
  temperature: 0.2,
  pressure: 0.02,
  vibration: 0.05,
};

export interface RuleDetectorOptions {
  /** Readings per sensor before deviations are judged. */
  readonly warmup: number;
  /** Weight of a new value in the baseline. */
  readonly alpha: number;
  readonly warningZ: number;
  readonly criticalZ: number;
  readonly vibrationWarning: number;
  readonly vibrationCritical: number;
}

export const DEFAULT_RULE_DETECTOR_OPTIONS: RuleDetectorOptions = Object.freeze({
  warmup: 20,
  alpha: 0.05,
  warningZ: 4,
  criticalZ: 6,
  vibrationWarning: 4.5,
  vibrationCritical: 7.1,
});

export const RULE_MODEL_VERSION = 'rules@1';

// per sensor: [count, strain, then mean and variance per watched metric]
const COUNT = 0;
const STRAIN = 1;
const BASE = 2;

/** A rule detector with its own per-sensor baselines. */
export function createRuleDetector(overrides: Partial<RuleDetectorOptions> = {}): Detector {
  const options = { ...DEFAULT_RULE_DETECTOR_OPTIONS, ...overrides };
  const sensors = new Map<string, Float64Array>();
  return {
    assess(readings) {
      return readings.map((reading) => {
        let state = sensors.get(reading.sensor_id);
        if (!state) {
          state = new Float64Array(BASE + WATCHED.length * 2);
          sensors.set(reading.sensor_id, state);
        }
        return assessOne(reading, state, options);
      });
    },
  };
}

interface Finding {
  readonly severity: 0 | 1 | 2;
  readonly weight: number;
  readonly reason: string;
}

function assessOne(reading: Reading, state: Float64Array, options: RuleDetectorOptions): Assessment {
  const count = state[COUNT] as number;
  const findings: Finding[] = [];
  let worstZ = 0;
  WATCHED.forEach((metric, m) => {
    const x = reading[metric];
    if (x === null) return;
    const at = BASE + m * 2;
    const mean = state[at] as number;
    const variance = state[at + 1] as number;
    let alpha = count < options.warmup ? 1 / (count + 1) : options.alpha;
    if (count >= options.warmup) {
      const spread = Math.max(Math.sqrt(variance), MIN_SPREAD[metric], Math.abs(mean) * 0.005);
      const z = (x - mean) / spread;
      const size = Math.abs(z);
      worstZ = Math.max(worstZ, size);
      if (size >= options.warningZ) {
        findings.push({
          severity: size >= options.criticalZ ? 2 : 1,
          weight: size,
          reason: `${metric} ${size.toFixed(1)}σ ${z > 0 ? 'above' : 'below'} its recent mean of ${round(mean)}${UNITS[metric]}`,
        });
        alpha /= 10;
      }
    }
    const delta = x - mean;
    state[at] = mean + alpha * delta;
    state[at + 1] = count === 0 ? 0 : (1 - alpha) * (variance + alpha * delta * delta);
  });
  const vibration = reading.vibration;
  if (vibration !== null && vibration >= options.vibrationWarning) {
    const critical = vibration >= options.vibrationCritical;
    const limit = critical ? options.vibrationCritical : options.vibrationWarning;
    findings.push({
      severity: critical ? 2 : 1,
      weight: critical ? options.criticalZ : options.warningZ,
      reason: `vibration ${round(vibration)} mm/s at or above the ${limit} mm/s ISO 10816 limit`,
    });
    worstZ = Math.max(worstZ, critical ? options.criticalZ : options.warningZ);
  }
  state[COUNT] = count + 1;
  const severity = findings.reduce((worst, f) => Math.max(worst, f.severity), 0);
  const strain = 0.9 * (state[STRAIN] as number) + 0.1 * (severity / 2);
  state[STRAIN] = strain;
  const status: SensorStatus = severity === 2 ? 'critical' : severity === 1 ? 'warning' : 'normal';
  return {
    anomaly_score: round3(1 - Math.exp(-Math.max(0, worstZ - 2) / 3)),
    is_anomaly: severity > 0,
    failure_probability: round3(Math.min(0.99, 0.02 + 0.97 * strain)),
    status,
    reasons: findings
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 3)
      .map((f) => f.reason),
    model_version: RULE_MODEL_VERSION,
  };
}

const round = (x: number) => Number(x.toPrecision(4));
const round3 = (x: number) => Math.round(x * 1000) / 1000;
