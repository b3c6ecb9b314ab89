/**
 * Explainable threshold bands per metric, after the seed's VoltAI bands (seed analysis §2.12) but
 * relative to each sensor's learned nominal value (its warm-up median) instead of rated values
 * our readings do not carry. The seed put normal current at 30-40% of rated and warned at 70%,
 * went critical at 90%: about 2× and 2.6× the normal value. Vibration keeps the absolute
 * ISO 10816 zones (4.5 / 7.1 mm/s). Bands decide status, not `is_anomaly`: a sensor can be
 * critical because it runs hot the way it always has.
 */
import { METRIC_LABELS, METRIC_UNITS, type Metric } from '../../domain/metric.ts';

export type RuleBasis = 'ratio' | 'delta' | 'absolute';

export interface RuleBand {
  readonly metric: Metric;
  /** ratio: value / nominal; delta: value − nominal; absolute: the value itself. */
  readonly basis: RuleBasis;
  readonly warnHigh?: number;
  readonly critHigh?: number;
  readonly warnLow?: number;
  readonly critLow?: number;
}

export const DEFAULT_RULE_BANDS: readonly RuleBand[] = Object.freeze([
  { metric: 'current', basis: 'ratio', warnHigh: 2.0, critHigh: 2.6 },
  { metric: 'voltage', basis: 'ratio', warnLow: 0.9, critLow: 0.85, warnHigh: 1.1, critHigh: 1.2 },
  { metric: 'power_kw', basis: 'ratio', warnHigh: 1.8, critHigh: 2.5 },
  { metric: 'pressure', basis: 'ratio', warnLow: 0.85, warnHigh: 1.4, critHigh: 1.7 },
  { metric: 'temperature', basis: 'delta', warnHigh: 15, critHigh: 30 },
  { metric: 'vibration', basis: 'absolute', warnHigh: 4.5, critHigh: 7.1 },
]);

/** 0 = inside the band, 1 = warning, 2 = critical. */
export type Severity = 0 | 1 | 2;

/**
 * Severity of `value` against `band`. A ratio band needs a nominal value well clear of the noise
 * (5 spreads above 0): a ratio to a near-zero nominal, like a pressure sensor idling at 0.05 bar,
 * says nothing.
 */
export function bandSeverity(band: RuleBand, value: number, nominal: number, spread: number): Severity {
  let x = value;
  if (band.basis === 'ratio') {
    if (!(nominal > 5 * spread) || nominal <= 0) return 0;
    x = value / nominal;
  } else if (band.basis === 'delta') x = value - nominal;
  if (
    (band.critHigh !== undefined && x >= band.critHigh) ||
    (band.critLow !== undefined && x <= band.critLow)
  )
    return 2;
  if (
    (band.warnHigh !== undefined && x >= band.warnHigh) ||
    (band.warnLow !== undefined && x <= band.warnLow)
  )
    return 1;
  return 0;
}

/** "current at 2.7× nominal (critical band ≥ 2.6×)". */
export function describeBand(band: RuleBand, value: number, nominal: number, severity: Severity): string {
  const level = severity === 2 ? 'critical' : 'warning';
  const high = band.basis === 'ratio' ? value >= nominal : band.basis === 'delta' ? value >= nominal : true;
  const limit = severity === 2 ? (high ? band.critHigh : band.critLow) : high ? band.warnHigh : band.warnLow;
  const op = high ? '≥' : '≤';
  const name = METRIC_LABELS[band.metric];
  const unit = METRIC_UNITS[band.metric] === '' ? '' : ` ${METRIC_UNITS[band.metric]}`;
  if (band.basis === 'ratio') {
    return `${name} at ${(value / nominal).toFixed(2)}× nominal (${level} band ${op} ${limit}×)`;
  }
  if (band.basis === 'delta') {
    return `${name} ${(value - nominal).toFixed(1)}${unit} above nominal (${level} band ${op} +${limit}${unit})`;
  }
  return `${name} ${value.toFixed(2)}${unit} (${level} band ${op} ${limit}${unit})`;
}
