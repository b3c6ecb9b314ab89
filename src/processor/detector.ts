import type { Reading } from '../domain/reading.ts';
import type { Assessment } from '../domain/sensor-state.ts';

/**
 * Scores readings. Implementations keep per-sensor state (baselines, episode memory) between
 * calls, so readings of one sensor must arrive in order. `assess` is synchronous and cheap per
 * reading; model loading and retraining happen off this path.
 */
export interface Detector {
  /** One assessment per reading, in the same order. */
  assess(readings: readonly Reading[]): Assessment[];
}
