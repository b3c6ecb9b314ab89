/**
 * Drops readings this process already stored (or saw twice in one chunk) before they reach the
 * detector, whose per-sensor state must see each reading once and in order. Redis stays the
 * authority — the store rejects stale readings atomically — this only spares the detector replays
 * after a rebalance hands a partition back. Remembers the newest stored seq per sensor.
 */
import type { Reading } from '../domain/reading.ts';

export interface SeqFilter {
  /** Readings newer than anything stored for their sensor, without in-chunk duplicates. */
  fresh(readings: readonly Reading[]): Reading[];
  /** Records that Redis now holds these readings (applied or already newer). */
  remember(readings: readonly Reading[]): void;
}

/** Past this many sensors the memory starts over (it is an optimisation, not a guarantee). */
const LIMIT = 2_000_000;

/** A filter with an empty memory. */
export function createSeqFilter(): SeqFilter {
  const stored = new Map<string, number>();
  return {
    fresh(readings) {
      const seen = new Map<string, number>();
      return readings.filter((r) => {
        const floor = Math.max(stored.get(r.sensor_id) ?? -1, seen.get(r.sensor_id) ?? -1);
        if (r.seq <= floor) return false;
        seen.set(r.sensor_id, r.seq);
        return true;
      });
    },
    remember(readings) {
      if (stored.size > LIMIT) stored.clear();
      for (const r of readings) if (r.seq > (stored.get(r.sensor_id) ?? -1)) stored.set(r.sensor_id, r.seq);
    },
  };
}
