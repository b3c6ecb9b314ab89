/**
 * A sensor's downsampled history in a few hundred bytes, however long it reports: the string
 * `ww:history:{id}`, a ring of `points` entries of 17 B (little-endian), slot = bucket mod points:
 *
 *   u32 bucket · u8 readings (saturating) · u8 worst status · u8 max score (0..255) ·
 *   f16 means of power_kw, current, temperature, pressure, vibration
 *
 * A bucket is `floor(reading ts / bucketMs)`. The processor folds readings into each sensor's open
 * bucket in its own memory (history-fold.ts) and writes the entry when the bucket closes, when it
 * opens, and every `flushMs` of data time in between; so the newest point lags at most that much,
 * and a crash or rebalance loses at most the part of an open bucket folded before the last
 * committed offset (the new owner refolds the replayed rest). Half-precision means keep 3
 * significant digits, plenty for a chart; a missing channel makes its mean NaN (null when read).
 * With the default 27 points the ring is 459 bytes.
 */
import type { SensorStatus } from '../domain/sensor-status.ts';

export const HISTORY_VALUES = ['power_kw', 'current', 'temperature', 'pressure', 'vibration'] as const;
export type HistoryValue = (typeof HISTORY_VALUES)[number];

export const CLOSED_POINT_BYTES = 17;
/** Worst-status codes; offline never comes from a reading. */
export const HISTORY_STATUS: readonly SensorStatus[] = ['normal', 'warning', 'critical'];

export interface SensorHistoryPoint {
  /** Start of the bucket, ISO-8601 UTC. */
  readonly ts: string;
  readonly readings: number;
  readonly worst_status: SensorStatus;
  readonly max_anomaly_score: number;
  /** Mean per value over the bucket; `null` when the sensor has no such channel. */
  readonly power_kw: number | null;
  readonly current: number | null;
  readonly temperature: number | null;
  readonly pressure: number | null;
  readonly vibration: number | null;
}

export interface SensorHistoryLayout {
  readonly bucketMs: number;
  readonly points: number;
}

/** Bytes of the ring. */
export function historyRingBytes(points: number): number {
  return points * CLOSED_POINT_BYTES;
}

/** Ring → points, oldest first, covering the `points` buckets up to the newest one written. */
export function decodeSensorHistory(ring: Buffer | null, layout: SensorHistoryLayout): SensorHistoryPoint[] {
  if (!ring) return [];
  const entries: { bucket: number; at: number }[] = [];
  for (let at = 0; at + CLOSED_POINT_BYTES <= ring.length; at += CLOSED_POINT_BYTES) {
    const bucket = ring.readUInt32LE(at);
    if (bucket !== 0 && ring.readUInt8(at + 4) > 0) entries.push({ bucket, at });
  }
  const newest = Math.max(0, ...entries.map((e) => e.bucket));
  return entries
    .filter((e) => e.bucket > newest - layout.points)
    .sort((a, b) => a.bucket - b.bucket)
    .map(({ bucket, at }) => {
      const means = HISTORY_VALUES.map((_, i) => halfToNumber(ring.readUInt16LE(at + 7 + i * 2)));
      return point(
        bucket,
        ring.readUInt8(at + 4),
        ring.readUInt8(at + 5),
        ring.readUInt8(at + 6),
        means,
        layout,
      );
    });
}

/** One ring entry (17 bytes). */
export function encodeHistoryEntry(
  bucket: number,
  readings: number,
  worst: number,
  score: number,
  means: readonly number[],
): Buffer {
  const out = Buffer.allocUnsafe(CLOSED_POINT_BYTES);
  out.writeUInt32LE(bucket, 0);
  out.writeUInt8(Math.min(readings, 255), 4);
  out.writeUInt8(worst, 5);
  out.writeUInt8(score, 6);
  for (let i = 0; i < HISTORY_VALUES.length; i++)
    out.writeUInt16LE(numberToHalf(means[i] ?? Number.NaN), 7 + i * 2);
  return out;
}

function point(
  bucket: number,
  readings: number,
  worst: number,
  score: number,
  means: readonly number[],
  layout: SensorHistoryLayout,
): SensorHistoryPoint {
  const value = (i: number) => {
    const v = means[i] ?? Number.NaN;
    return Number.isNaN(v) ? null : Number(v.toPrecision(6));
  };
  return {
    ts: new Date(bucket * layout.bucketMs).toISOString(),
    readings,
    worst_status: HISTORY_STATUS[worst] ?? 'normal',
    max_anomaly_score: Math.round((score / 255) * 1000) / 1000,
    power_kw: value(0),
    current: value(1),
    temperature: value(2),
    pressure: value(3),
    vibration: value(4),
  };
}

/** IEEE 754 half precision → number. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** Number → IEEE 754 half precision (round to nearest; overflow to infinity, NaN kept). */
export function numberToHalf(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const x = Math.abs(value);
  if (x >= 65520) return sign | 0x7c00;
  if (x < 6.103515625e-5) return sign | Math.round(x * 16777216);
  let exponent = Math.floor(Math.log2(x));
  // log2 can round across an integer: keep the mantissa in [1, 2)
  if (x / 2 ** exponent < 1) exponent--;
  else if (x / 2 ** exponent >= 2) exponent++;
  let fraction = Math.round((x / 2 ** exponent - 1) * 1024);
  if (fraction === 1024) {
    fraction = 0;
    exponent++;
  }
  if (exponent + 15 >= 31) return sign | 0x7c00;
  return sign | ((exponent + 15) << 10) | fraction;
}
