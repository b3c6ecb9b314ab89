/**
 * Encodes a chunk's readings as rows of the apply script (see apply-readings-script.ts), straight
 * into JSON text. For a sensor the writer knows (sensor-memory.ts) a row carries the `_` the hash
 * should hold and the `_` that follows, so the script can take its fast path; cold values travel
 * only when they changed or the sensor is unknown. Readings of one sensor chain: each row expects
 * what the previous one leaves. Nothing is remembered here: the writer commits `after` once the
 * whole chunk is stored.
 */
import type { Reading } from '../domain/reading.ts';
import type { Assessment } from '../domain/sensor-state.ts';
import { coldDigest, type ScoredReading } from './sensor-hash.ts';
import { bookText, type KnownSensor, type SensorMemory } from './sensor-memory.ts';

export interface EncodedRow {
  readonly json: string;
  /** The sensor as the writer believes it before this reading (null: unknown). */
  readonly before: KnownSensor | null;
  /** …and after it, when the fast path applies it (null: unknown, the reply says). */
  readonly after: KnownSensor | null;
  /** On the fast path: the location and type index scores are due for a refresh. */
  readonly touch: boolean;
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

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rows for `items` in order, given what `memory` knows. */
export function encodeRows(
  items: readonly ScoredReading[],
  memory: SensorMemory,
  context: RowContext,
): EncodedRow[] {
  const chain = new Map<string, KnownSensor | null>();
  const nowS = Math.floor(context.nowMs / 1000);
  const refreshS = Math.floor(context.refreshMs / 1000);
  return items.map(({ reading: r, assessment: a }) => {
    const id = r.sensor_id;
    const before = chain.has(id) ? (chain.get(id) ?? null) : (memory.get(id) ?? null);
    const cold = coldValues(r, a);
    const same = before !== null && (before.cold ? sameValues(before.cold, cold) : false);
    const digest = same ? (before as KnownSensor).digest : coldDigest(cold);
    const coldChanged = before === null || digest !== before.digest;
    let after: KnownSensor | null = null;
    let touch = false;
    if (before !== null && r.seq > before.seq && !context.forceCold) {
      touch = coldChanged || before.status !== a.status || nowS - before.tidx >= refreshS;
      const book = {
        ep: before.ep,
        n: before.n + 1,
        na: before.na + (a.is_anomaly ? 1 : 0),
        nc: before.nc + (a.status === 'critical' && before.status !== 'critical' ? 1 : 0),
        digest,
        tidx: touch ? nowS : before.tidx,
      };
      after = {
        ...book,
        book: bookText(book),
        seq: r.seq,
        status: a.status,
        location: r.location,
        deviceType: r.device_type,
        cold,
      };
    }
    chain.set(id, after);
    const withCold = after === null || coldChanged;
    const head = `["${after ? (before as KnownSensor).book : ''}","${after ? after.book : ''}","${digest}","${a.is_anomaly ? 1 : 0}",`;
    const hot =
      `"${r.ts}","${r.seq}","${a.status}",${num(r.current)},${num(r.voltage)},${num(r.power_factor)},` +
      `${num(r.power_kw)},${num(r.energy_kwh)},${num(r.temperature)},${num(r.pressure)},${num(r.vibration)},` +
      `"${a.anomaly_score}","${a.failure_probability}"`;
    const tail = withCold
      ? `,"${id}","${r.device_type}","${r.location}",${JSON.stringify(cold[3])},"${cold[4]}",` +
        `${JSON.stringify(cold[5])},"${cold[6]}",${JSON.stringify(cold[7])},${JSON.stringify(cold[8])}]`
      : ']';
    return { json: head + hot + tail, before, after, touch };
  });
}
