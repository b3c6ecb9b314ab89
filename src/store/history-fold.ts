/**
 * Per-sensor history folded in the processor's memory (layout: sensor-history-codec.ts): each
 * sensor's open bucket (count, worst status, top score, sums) lives here, and only ring entries go
 * to Redis — when a bucket opens, every `flushMs` of data time while it fills, and when it closes —
 * instead of an
 * update per reading. Readings are folded once per seq; a reading older than the open bucket is left
 * out. The buckets are changed in place; if a chunk's write fails the writer forgets its sensors'
 * buckets, and the retry folds the chunk into fresh ones (a partial aggregate, never a double count).
 */

import type { ScoredReading } from './sensor-hash.ts';
import { encodeHistoryEntry, HISTORY_STATUS, HISTORY_VALUES } from './sensor-history-codec.ts';

export interface OpenBucket {
  bucket: number;
  readings: number;
  worst: number;
  top: number;
  readonly sums: Float64Array;
  /** Newest seq folded. */
  seq: number;
  /** Data time (reading ts, ms) of the last write of this bucket (-Infinity before the first). */
  writtenMs: number;
  /** Data time of the newest reading folded. */
  lastMs: number;
}

export interface HistoryLayout {
  readonly bucketMs: number;
  /** How long (data time) an open bucket's entry may lag behind its readings. */
  readonly flushMs: number;
}

export interface HistoryWrite {
  readonly sensorId: string;
  readonly bucket: number;
  /** The 17-byte ring entry. */
  readonly entry: Buffer;
}

function entryOf(open: OpenBucket): Buffer {
  const means = Array.from(open.sums, (sum) => sum / open.readings);
  return encodeHistoryEntry(open.bucket, open.readings, open.worst, open.top, means);
}

/** Folds `items` into `buckets` (in place) and returns the ring entries now due, in order. */
export function foldHistory(
  items: readonly ScoredReading[],
  buckets: Map<string, OpenBucket>,
  layout: HistoryLayout,
): HistoryWrite[] {
  const writes: HistoryWrite[] = [];
  const touched = new Map<string, OpenBucket>();
  for (const { reading: r, assessment: a } of items) {
    const id = r.sensor_id;
    let open = buckets.get(id);
    if (open && r.seq <= open.seq) continue;
    const ts = Date.parse(r.ts);
    const bucket = Math.floor(ts / layout.bucketMs);
    if (open && bucket < open.bucket) {
      open.seq = r.seq;
      continue;
    }
    if (open && bucket > open.bucket) {
      writes.push({ sensorId: id, bucket: open.bucket, entry: entryOf(open) });
      open = undefined;
    }
    const status = Math.max(0, HISTORY_STATUS.indexOf(a.status));
    const score = Math.round(Math.min(1, Math.max(0, a.anomaly_score)) * 255);
    if (!open) {
      open = {
        bucket,
        readings: 0,
        worst: status,
        top: score,
        sums: new Float64Array(HISTORY_VALUES.length),
        seq: r.seq,
        writtenMs: Number.NEGATIVE_INFINITY,
        lastMs: ts,
      };
      buckets.set(id, open);
    }
    open.readings++;
    open.worst = Math.max(open.worst, status);
    open.top = Math.max(open.top, score);
    for (let i = 0; i < HISTORY_VALUES.length; i++) {
      const value = r[HISTORY_VALUES[i] as (typeof HISTORY_VALUES)[number]];
      open.sums[i] = (open.sums[i] as number) + (value === null ? Number.NaN : value);
    }
    open.seq = r.seq;
    open.lastMs = ts;
    touched.set(id, open);
  }
  for (const [id, open] of touched) {
    if (open.lastMs - open.writtenMs < layout.flushMs) continue;
    open.writtenMs = open.lastMs;
    writes.push({ sensorId: id, bucket: open.bucket, entry: entryOf(open) });
  }
  return writes;
}
