/**
 * Encodes a chunk's readings as rows of the apply script (see apply-readings-script.ts), straight
 * into JSON text. For a sensor the writer knows (sensor-memory.ts) a row carries the `_` the hash
 * should hold and the `_` that follows, so the script can take its fast path; cold values travel
 * only when they changed or the sensor is unknown. Readings of one sensor chain: each row expects
 * what the previous one leaves. The memory is advanced in place as rows are made (the writer
 * forgets the chunk's sensors if the write fails); an unknown sensor is learned from the reply.
 */
import type { DeviceType } from '../domain/device-type.ts';
import type { Reading } from '../domain/reading.ts';
import type { Assessment } from '../domain/sensor-state.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';
import { coldDigest, type ScoredReading } from './sensor-hash.ts';
import type { KnownSensor, SensorMemory } from './sensor-memory.ts';

export interface EncodedRow {
  readonly json: string;
  /** Sent for the fast path: the sensor's state before this reading, as the writer believed it. */
  readonly fast: boolean;
  readonly prevStatus: SensorStatus | '';
  readonly prevLocation: string;
  readonly prevType: DeviceType | '';
  /** On the fast path: the location and type index scores are due for a refresh. */
  readonly touch: boolean;
  /** On the fast path: the sensor's memory after this reading (its counters as of this reading). */
  readonly ep: string;
  readonly n: number;
  readonly na: number;
  readonly nc: number;
}

export interface RowContext {
  readonly nowMs: number;
  readonly refreshMs: number;
  /** Send cold values with every row and expect nothing (the retry of refused rows). */
  readonly forceCold?: boolean;
}

const num = (value: number | null): string => (value === null ? '""' : `"${value}"`);

/** Cold values in the order of ROW_COLD_FIELDS. */
function coldValues(r: Reading, a: Assessment): string[] {
  return [
    r.sensor_id,
    r.device_type,
    r.location,
    r.producer_host,
    r.injected ?? '',
    r.extra && Object.keys(r.extra).length > 0 ? JSON.stringify(r.extra) : '',
    a.is_anomaly ? '1' : '0',
    a.reasons.length === 0 ? '[]' : JSON.stringify(a.reasons),
    a.model_version,
  ];
}

/** Whether the cold values of (r, a) equal `cold` (without building them). */
function sameCold(cold: readonly string[], r: Reading, a: Assessment): boolean {
  if (
    cold[1] !== r.device_type ||
    cold[2] !== r.location ||
    cold[3] !== r.producer_host ||
    cold[4] !== (r.injected ?? '') ||
    cold[6] !== (a.is_anomaly ? '1' : '0') ||
    cold[8] !== a.model_version
  )
    return false;
  if (r.extra && Object.keys(r.extra).length > 0 ? cold[5] !== JSON.stringify(r.extra) : cold[5] !== '')
    return false;
  return a.reasons.length === 0 ? cold[7] === '[]' : cold[7] === JSON.stringify(a.reasons);
}

const UNKNOWN = { fast: false, touch: false, ep: '', n: 0, na: 0, nc: 0 } as const;

/** Rows for `items` in order, advancing `memory` as if each applied on the fast path. */
export function encodeRows(
  items: readonly ScoredReading[],
  memory: SensorMemory,
  context: RowContext,
): EncodedRow[] {
  const nowS = Math.floor(context.nowMs / 1000);
  const refreshS = Math.floor(context.refreshMs / 1000);
  return items.map(({ reading: r, assessment: a }) => {
    const id = r.sensor_id;
    const known: KnownSensor | undefined = memory.get(id);
    const prev = {
      prevStatus: known?.status ?? ('' as const),
      prevLocation: known?.location ?? '',
      prevType: known?.deviceType ?? ('' as const),
    };
    const unchanged = known?.cold ? sameCold(known.cold, r, a) : false;
    const cold = unchanged ? (known?.cold as readonly string[]) : coldValues(r, a);
    const digest = unchanged ? (known as KnownSensor).digest : coldDigest(cold);
    const hot =
      `"${r.ts}","${r.seq}","${a.status}",${num(r.current)},${num(r.voltage)},${num(r.power_factor)},` +
      `${num(r.power_kw)},${num(r.energy_kwh)},${num(r.temperature)},${num(r.pressure)},${num(r.vibration)},` +
      `"${a.anomaly_score}","${a.failure_probability}"`;
    const coldTail =
      `,"${id}","${r.device_type}","${r.location}",${JSON.stringify(cold[3])},"${cold[4]}",` +
      `${JSON.stringify(cold[5])},"${cold[6]}",${JSON.stringify(cold[7])},${JSON.stringify(cold[8])}]`;
    const anomalous = a.is_anomaly ? 1 : 0;
    if (!known || r.seq <= known.seq || context.forceCold) {
      memory.forget(id);
      return { json: `["","","${digest}","${anomalous}",${hot}${coldTail}`, ...prev, ...UNKNOWN };
    }
    const coldChanged = digest !== known.digest;
    const touch = coldChanged || known.status !== a.status || nowS - known.tidx >= refreshS;
    const expected = known.book;
    known.n += 1;
    known.na += anomalous;
    if (a.status === 'critical' && known.status !== 'critical') known.nc += 1;
    known.digest = digest;
    if (touch) known.tidx = nowS;
    known.book = `${known.ep},${known.n},${known.na},${known.nc},${digest},${known.tidx}`;
    known.seq = r.seq;
    known.status = a.status;
    known.location = r.location;
    known.deviceType = r.device_type;
    known.cold = cold;
    return {
      json: `["${expected}","${known.book}","${digest}","${anomalous}",${hot}${coldChanged ? coldTail : ']'}`,
      ...prev,
      fast: true,
      touch,
      ep: known.ep,
      n: known.n,
      na: known.na,
      nc: known.nc,
    };
  });
}
