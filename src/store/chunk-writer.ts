/**
 * Writes one chunk of scored readings to Redis in two round trips, whatever the chunk size:
 *
 *   phase 1  the apply script over the chunk (per-sensor keys only: seq check, state, TTL, history,
 *            counters), replies folded into one snapshot per sensor (a chunk with replayed readings
 *            also reads the known locations, to repair their index entries);
 *   phase 2  one pipeline: the stats ledger script (fleet aggregates), the index ZADD/ZREMs, quality
 *            increments, and the alerts script (alert events + the chunk's `ww:events` notice);
 *
 * then, at most once per fleet bucket, the fleet history entry. Phase 2 is derived only from what
 * phase 1 reports Redis holds, and a replayed reading reports the stored state, so retrying a chunk
 * (after a Redis error, a crash, or on another processor) converges to the same Redis content.
 */
import type { Redis } from 'ioredis';
import { type ApplyGroups, createReadingApplier } from './apply-readings.ts';
import type { FleetHistoryWriter } from './fleet-history-writer.ts';
import type { FleetStats } from './fleet-stats.ts';
import { foldApplyReplies } from './fold-apply-replies.ts';
import { type NewAlert, runPhaseTwo } from './phase-two.ts';
import type { ScoredReading } from './sensor-hash.ts';
import type { StoreOptions } from './store-options.ts';
import { registerStoreScripts } from './store-scripts.ts';

/** Maps the readings a chunk actually stored to `ww:quality` field increments. */
export type QualityCounter = (applied: readonly ScoredReading[]) => Readonly<Record<string, number>>;

export interface ChunkWriterOptions {
  readonly store: StoreOptions;
  readonly fleetHistory: FleetHistoryWriter;
  readonly quality?: QualityCounter;
  /** How phase 1 groups readings into script calls (see apply-readings.ts); default `chunk`. */
  readonly applyGroups?: ApplyGroups;
  /** Name of this processor in notices. */
  readonly source?: string;
  readonly now?: () => Date;
}

export interface ChunkWriteResult {
  /** Readings that moved a sensor forward. */
  readonly applied: number;
  /** Readings Redis already had (replays) or that were older than the stored state. */
  readonly stale: number;
  /** Applied readings flagged anomalous. */
  readonly anomalies: number;
  /** Alert events this chunk wrote (each transition into critical is written once, by one chunk). */
  readonly alerts: readonly NewAlert[];
  /** Fleet aggregates right after this chunk. */
  readonly fleet: FleetStats;
  /** Per reading, same order: true when applied. */
  readonly appliedMask: readonly boolean[];
}

export interface ChunkWriter {
  /** Stores `items` (each sensor's readings in seq order); rejects if Redis failed; safe to retry. */
  write(items: readonly ScoredReading[]): Promise<ChunkWriteResult>;
}

/** A writer bound to one ioredis connection (the store's scripts are registered on it). */
export function createChunkWriter(redis: Redis, options: ChunkWriterOptions): ChunkWriter {
  registerStoreScripts(redis);
  const { keys } = options.store;
  const now = options.now ?? (() => new Date());
  const applier = createReadingApplier(redis, options.store, options.applyGroups);
  return {
    async write(items) {
      const at = now();
      const replies = await applier.apply(items, at);
      // folding the replies and encoding phase 2 is the second synchronous stretch of a chunk: give
      // timers and other I/O a turn first (replies of several chunks may arrive in one callback)
      await new Promise<void>((resolve) => setImmediate(resolve));
      const folded = foldApplyReplies(items, replies, at.getTime());
      const applied = items.filter((_, i) => folded.appliedMask[i]);
      const anomalies = applied.filter((item) => item.assessment.is_anomaly).length;
      const increments = options.quality && applied.length > 0 ? options.quality(applied) : {};
      const { fleet, alerts } = await runPhaseTwo(redis, options.store, {
        snapshots: [...folded.snapshots.values()],
        candidates: folded.candidates,
        at,
        notice: JSON.stringify({
          type: 'chunk',
          ts: at.toISOString(),
          source: options.source ?? '',
          readings: applied.length,
          anomalies,
          stale: items.length - applied.length,
        }),
        extra: (pipeline) => {
          for (const [field, by] of Object.entries(increments))
            if (by !== 0) pipeline.hincrby(keys.quality, field, by);
        },
      });
      await options.fleetHistory.record(fleet, at.getTime());
      return {
        applied: applied.length,
        stale: items.length - applied.length,
        anomalies,
        alerts,
        fleet,
        appliedMask: folded.appliedMask,
      };
    },
  };
}
