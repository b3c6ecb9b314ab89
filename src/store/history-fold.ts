/**
 * Per-sensor history folded in the processor's memory (layout: sensor-history-codec.ts): each
 * sensor's open bucket (count, worst status, top score, sums) lives here, and only ring entries go
 * to Redis — when a bucket opens, every `flushMs` of data time while it fills, and when it closes —
 * instead of an update per reading. Readings are folded once per seq (a retried chunk refolds from
 * the committed state, so nothing is counted twice); a reading older than the open bucket is left out.
 */

import type { ScoredReading } from './sensor-hash.ts';
import { HISTORY_STATUS, HISTORY_VALUES } from './sensor-history-codec.ts';

export interface OpenBucket {
  readonly bucket: number;
  readonly readings: number;
  readonly worst: number;
  readonly top: number;
  readonly sums: readonly number[];
  /** Newest seq folded. */
  readonly seq: number;
  /** Data time (reading ts, ms) of the last write of this bucket; -1 before its first. */
  readonly writtenMs: number;
}

export interface HistoryLayout {
  readonly bucketMs: number;
  /** How long (data time) an open bucket's entry may lag behind its readings. */
  readonly flushMs: number;
}

export interface HistoryWrite {
  readonly sensorId: string;
  readonly entry: OpenBucket;
}

export interface FoldedHistory {
  /** Per sensor, its open bucket after the chunk (commit it once the chunk is stored). */
  readonly next: Map<string, OpenBucket>;
  /** Entries to write, in order. */
  readonly writes: HistoryWrite[];
}

const value = (x: number | null) => (x === null ? Number.NaN : x);

/** Folds `items` into the open buckets `committed` knows (which is not changed). */
export function foldHistory(
  items: readonly ScoredReading[],
  committed: (id: string) => OpenBucket | undefined,
  layout: HistoryLayout,
): FoldedHistory {
  const next = new Map<string, OpenBucket>();
  const writes: HistoryWrite[] = [];
  const lastTs = new Map<string, number>();
  for (const { reading: r, assessment: a } of items) {
    const id = r.sensor_id;
    const open = next.get(id) ?? committed(id);
    if (open && r.seq <= open.seq) continue;
    const ts = Date.parse(r.ts);
    const bucket = Math.floor(ts / layout.bucketMs);
    const status = Math.max(0, HISTORY_STATUS.indexOf(a.status));
    const score = Math.round(Math.min(1, Math.max(0, a.anomaly_score)) * 255);
    const values = HISTORY_VALUES.map((v) => value(r[v]));
    if (open && bucket < open.bucket) {
      next.set(id, { ...open, seq: r.seq });
      continue;
    }
    if (open && bucket === open.bucket) {
      next.set(id, {
        ...open,
        readings: open.readings + 1,
        worst: Math.max(open.worst, status),
        top: Math.max(open.top, score),
        sums: open.sums.map((sum, i) => sum + (values[i] as number)),
        seq: r.seq,
      });
    } else {
      if (open) writes.push({ sensorId: id, entry: open });
      next.set(id, {
        bucket,
        readings: 1,
        worst: status,
        top: score,
        sums: values,
        seq: r.seq,
        writtenMs: -1,
      });
    }
    lastTs.set(id, ts);
  }
  for (const [id, ts] of lastTs) {
    const open = next.get(id) as OpenBucket;
    if (open.writtenMs < 0 || ts - open.writtenMs >= layout.flushMs) {
      const written = { ...open, writtenMs: ts };
      next.set(id, written);
      writes.push({ sensorId: id, entry: written });
    }
  }
  return { next, writes };
}
