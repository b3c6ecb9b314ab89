/**
 * A sensor's downsampled history in a few hundred bytes, however long it reports. Two parts
 * (little-endian):
 *
 *   open bucket, field `_h` of the sensor hash, 28 B:
 *       u32 bucket · u16 readings · u8 worst status · u8 max score ·
 *       f32 sums of power_kw, current, temperature, pressure, vibration
 *   closed buckets, the string `ww:history:{id}`, (points - 1) × 17 B, slot = bucket mod (points - 1):
 *       u32 bucket · u8 readings (saturating) · u8 worst status · u8 max score ·
 *       f16 means of the same five values
 *
 * A bucket is `floor(reading ts / bucketMs)`. The open bucket rides in the hash the apply script
 * rewrites anyway, so a reading costs no extra Redis command; when a reading opens a later bucket,
 * the open one is closed into the ring as half-precision means (3 significant digits, plenty for a
 * chart). A missing channel makes its value NaN. With the default 27 points the ring is 442 bytes,
 * which with its string header fills jemalloc's 448-byte class exactly.
 */
import type { SensorStatus } from '../domain/sensor-status.ts';

export const HISTORY_VALUES = ['power_kw', 'current', 'temperature', 'pressure', 'vibration'] as const;
export type HistoryValue = (typeof HISTORY_VALUES)[number];

export const OPEN_BUCKET_BYTES = 28;
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

/** Bytes of the closed-bucket ring. */
export function historyRingBytes(points: number): number {
  return (points - 1) * CLOSED_POINT_BYTES;
}

/** Open bucket + ring → points, oldest first, covering the `points` buckets up to the open one. */
export function decodeSensorHistory(
  open: Buffer | null,
  ring: Buffer | null,
  layout: SensorHistoryLayout,
): SensorHistoryPoint[] {
  if (!open || open.length !== OPEN_BUCKET_BYTES) return [];
  const openBucket = open.readUInt32LE(0);
  const readings = open.readUInt16LE(4);
  if (readings === 0) return [];
  const points: SensorHistoryPoint[] = [];
  if (ring && ring.length === historyRingBytes(layout.points)) {
    const oldest = openBucket - (layout.points - 1);
    for (let slot = 0; slot < layout.points - 1; slot++) {
      const at = slot * CLOSED_POINT_BYTES;
      const bucket = ring.readUInt32LE(at);
      if (bucket === 0 || bucket < oldest || bucket >= openBucket) continue;
      const means = HISTORY_VALUES.map((_, i) => halfToNumber(ring.readUInt16LE(at + 7 + i * 2)));
      points.push(
        point(bucket, ring.readUInt8(at + 4), ring.readUInt8(at + 5), ring.readUInt8(at + 6), means, layout),
      );
    }
  }
  const means = HISTORY_VALUES.map((_, i) => open.readFloatLE(8 + i * 4) / readings);
  points.push(point(openBucket, readings, open.readUInt8(6), open.readUInt8(7), means, layout));
  return points.sort((a, b) => (a.ts < b.ts ? -1 : 1));
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

/**
 * Lua (Redis 7 struct library): `fold_history(open, hk, bucket, points, pttl, st, score, x1..x5)`
 * folds one reading into the open bucket `open` (the `_h` bytes, or false) and returns the new open
 * bucket; when the reading starts a later bucket it first writes the closed one into the ring `hk`.
 */
export const SENSOR_HISTORY_LUA = `
local function half(x)
  if x ~= x then return 32256 end
  local sign = 0
  if x < 0 then sign = 32768; x = -x end
  if x >= 65520 then return sign + 31744 end
  if x < 6.103515625e-05 then return sign + math.floor(x * 16777216 + 0.5) end
  local m, e = math.frexp(x)
  local exp = e + 14
  local frac = math.floor((2 * m - 1) * 1024 + 0.5)
  if frac == 1024 then frac = 0; exp = exp + 1 end
  if exp >= 31 then return sign + 31744 end
  return sign + exp * 1024 + frac
end

local function fold_history(open, hk, bucket, points, pttl, st, score, x1, x2, x3, x4, x5)
  if open and #open == ${OPEN_BUCKET_BYTES} then
    local ob, n, worst, top, s1, s2, s3, s4, s5 = struct.unpack('<I4HBBfffff', open)
    if bucket == ob then
      if n < 65535 then n = n + 1 end
      if st > worst then worst = st end
      if score > top then top = score end
      return struct.pack('<I4HBBfffff', ob, n, worst, top, s1 + x1, s2 + x2, s3 + x3, s4 + x4, s5 + x5)
    end
    if bucket < ob then return open end
    local size = (points - 1) * ${CLOSED_POINT_BYTES}
    if redis.call('STRLEN', hk) ~= size then redis.call('SET', hk, string.rep('\\0', size)) end
    redis.call('SETRANGE', hk, (ob % (points - 1)) * ${CLOSED_POINT_BYTES}, struct.pack('<I4BBBHHHHH', ob,
      math.min(n, 255), worst, top, half(s1 / n), half(s2 / n), half(s3 / n), half(s4 / n), half(s5 / n)))
    redis.call('PEXPIRE', hk, pttl)
  end
  return struct.pack('<I4HBBfffff', bucket, 1, st, score, x1, x2, x3, x4, x5)
end
`;
