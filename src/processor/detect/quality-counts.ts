/**
 * Live detection quality against the simulator's ground truth (`injected`), as increments of the
 * `ww:quality` hash for one processed chunk: tp/fp/fn/tn overall and tp/fn per anomaly kind
 * (a false positive has no kind), plus per kind the episodes seen, episodes detected and the sum of
 * their detection delays. The API divides: recall = tp:k / (tp:k + fn:k), mean delay =
 * delay_ms:k / detected:k. Episode state (which episode is open per sensor) lives in the counter.
 */
import type { Reading } from '../../domain/reading.ts';
import type { Assessment } from '../../domain/sensor-state.ts';
import { createEpisodeTracker } from './evaluate/episode-tracker.ts';

export interface QualityCounter {
  /** Hash-field increments for one chunk; fields with no change are left out. */
  count(readings: readonly Reading[], assessments: readonly Assessment[]): Record<string, number>;
}

/** A counter with its own episode memory; use one per process. */
export function createQualityCounter(): QualityCounter {
  const episodes = createEpisodeTracker();
  return {
    count(readings, assessments) {
      const inc: Record<string, number> = {};
      const add = (field: string, by = 1) => {
        inc[field] = (inc[field] ?? 0) + by;
      };
      for (let i = 0; i < readings.length; i++) {
        const reading = readings[i] as Reading;
        const flagged = (assessments[i] as Assessment).is_anomaly;
        const kind = reading.injected;
        add('readings');
        if (kind === null) add(flagged ? 'fp' : 'tn');
        else {
          add(flagged ? 'tp' : 'fn');
          add(`${flagged ? 'tp' : 'fn'}:${kind}`);
        }
        // an unlabelled reading only closes its sensor's episode: its time is not needed
        const ms = kind === null ? Number.NaN : Date.parse(reading.ts);
        const event = episodes.add(reading.sensor_id, ms, kind, flagged);
        if (event?.started) add(`episodes:${event.kind}`);
        if (event?.detectedDelayMs !== undefined) {
          add(`detected:${event.kind}`);
          add(`delay_ms:${event.kind}`, event.detectedDelayMs);
          add(`delay_readings:${event.kind}`, event.detectedDelayReadings ?? 0);
        }
      }
      return inc;
    },
  };
}
