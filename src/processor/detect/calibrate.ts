/**
 * Thresholds from the training distribution of a statistic, never a fixed number: the median plus
 * `margin` times the distance from the median to the `quantile`, and never below a floor.
 */
import { median, quantileSorted } from 'simple-statistics';
import type { CalibrationOptions } from './options.ts';

export interface Calibration {
  readonly median: number;
  readonly threshold: number;
}

/** Calibrates on `values` (any order; sorted in place). An empty sample gives the floor. */
export function calibrate(values: number[], options: CalibrationOptions, floor: number): Calibration {
  if (values.length === 0) return { median: 0, threshold: floor };
  values.sort((a, b) => a - b);
  const mid = median(values);
  const high = quantileSorted(values, options.quantile);
  return { median: mid, threshold: Math.max(floor, mid + options.margin * (high - mid)) };
}
