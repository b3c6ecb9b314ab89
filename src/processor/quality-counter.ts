/**
 * Detection quality against the simulator's ground truth, as `ww:quality` increments per chunk:
 * `<kind>:tp` / `<kind>:fn` for readings with `injected` set (flagged or missed), `none:fp` /
 * `none:tn` for clean readings. Counted only over readings the store applied, so replays never
 * count twice. The detection issue may replace this module with its own `QualityCounter`.
 */
import type { ScoredReading } from '../store/sensor-hash.ts';

/** Increments for the applied readings of one chunk. */
export function countQuality(applied: readonly ScoredReading[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { reading, assessment } of applied) {
    const kind = reading.injected;
    const field =
      kind === null
        ? assessment.is_anomaly
          ? 'none:fp'
          : 'none:tn'
        : `${kind}:${assessment.is_anomaly ? 'tp' : 'fn'}`;
    out[field] = (out[field] ?? 0) + 1;
  }
  return out;
}
