/**
 * Thresholds from the training distribution of a statistic, never a fixed number: the median plus
 * `margin` times the distance from the median to the `quantile`, and never below a floor.
 */
import { medianSorted, quantileSorted } from 'simple-statistics';
import type { CalibrationOptions } from './options.ts';

export interface Calibration {
  readonly median: number;
  readonly threshold: number;
}

/** Calibrates on `values` (any order). An empty sample gives the floor. */
export function calibrate(
  values: readonly number[] | Float64Array,
  options: CalibrationOptions,
  floor: number,
): Calibration {
  if (values.length === 0) return { median: 0, threshold: floor };
  // A typed array sorts numerically without a comparator call per comparison: several times faster.
  const sorted = Array.from(Float64Array.from(values).sort());
  const mid = medianSorted(sorted);
  const high = quantileSorted(sorted, options.quantile);
  return { median: mid, threshold: Math.max(floor, mid + options.margin * (high - mid)) };
}
