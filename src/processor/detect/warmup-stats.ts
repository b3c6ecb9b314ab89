/**
 * A channel's starting baseline from its warm-up values, with simple-statistics' robust
 * estimators: the median for the level; for the spread the larger of the scaled MAD and the 95th
 * percentile of absolute deviations / 1.96 (both σ for Gaussian noise; the second ignores up to 5%
 * outliers). The second matters for quantized signals: a flow meter reading 32, 32.004, 33, 31.996…
 * has a MAD of almost 0 while one reading in ten sits a whole unit away. Only if both are 0 does
 * the mean absolute deviation stand in. The resolution lets the caller floor spreads at the
 * rounding noise a flat warm-up hides.
 */
import { mean, median, medianAbsoluteDeviation, quantile } from 'simple-statistics';

export interface InitialBaseline {
  readonly median: number;
  readonly spread: number;
  /** σ of a short-term EW mean's distance from the median: how far the level wanders. */
  readonly wander: number;
  readonly diffSpread: number;
  readonly repeatRate: number;
  /** The values' resolution: the smallest step between them, or the finest decimal place shown. */
  readonly resolution: number;
}

/** `shortRate` is the EW weight of the short-term mean whose wander is measured. */
export function initialBaseline(values: readonly number[], shortRate: number): InitialBaseline {
  if (values.length === 0) throw new Error('a baseline needs at least one value');
  const xs = values as number[];
  const center = median(xs);
  const diffs: number[] = [];
  let repeats = 0;
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < xs.length; i++) {
    const d = (xs[i] as number) - (xs[i - 1] as number);
    diffs.push(d);
    if (d === 0) repeats++;
    else if (Math.abs(d) < step) step = Math.abs(d);
  }
  const spread = robustSpread(xs, center);
  // Each value's distance clipped at 6 spreads, as the live short-term mean's is (ChannelState.observe).
  const bound = spread > 0 ? 6 * spread : Number.POSITIVE_INFINITY;
  const drifts: number[] = [];
  let drift = 0;
  for (const x of xs) {
    const d = x - center;
    drift += shortRate * ((d > bound ? bound : d < -bound ? -bound : d) - drift);
    drifts.push(drift);
  }
  return {
    median: center,
    spread,
    wander: robustSpread(drifts, 0),
    diffSpread: diffs.length > 0 ? robustSpread(diffs, 0) : 0,
    repeatRate: diffs.length > 0 ? repeats / diffs.length : 0,
    resolution: Number.isFinite(step) ? step : decimalResolution(xs),
  };
}

/** Finest decimal place any of the values needs (1e-12 at most): 0.02 → 0.01, 31 → 1. */
export function decimalResolution(xs: readonly number[]): number {
  let places = 0;
  for (const x of xs) {
    while (places < 12) {
      const scaled = x * 10 ** places;
      if (Math.abs(scaled - Math.round(scaled)) <= 1e-6 * Math.max(1, Math.abs(scaled))) break;
      places++;
    }
  }
  return 10 ** -places;
}

/** σ-equivalent spread around `center`. */
function robustSpread(xs: number[], center: number): number {
  if (xs.length < 2) return 0;
  const deviations = xs.map((x) => Math.abs(x - center));
  const mad = 1.4826 * medianAbsoluteDeviation(xs);
  const spread = Math.max(mad, quantile(deviations, 0.95) / 1.96);
  return spread > 0 ? spread : 1.2533 * mean(deviations);
}
