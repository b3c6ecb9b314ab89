/**
 * The `ww:sensor:{id}` hash: which fields it has, how a scored reading becomes their string values,
 * and how a stored hash becomes a `SensorState` again. Numbers are stored as JavaScript's shortest
 * round-trip text, `null` as the empty string, `reasons` and `extra` as JSON, booleans as 0/1.
 * Fields starting with `_` are the store's own bookkeeping (counters and the open history bucket,
 * see apply-readings-script.ts) and never leave the store.
 */
import type { AnomalyKind } from '../domain/anomaly-kind.ts';
import type { DeviceType } from '../domain/device-type.ts';
import type { Reading } from '../domain/reading.ts';
import type { Assessment, SensorState } from '../domain/sensor-state.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';

/** A reading with what detection said about it: the unit the store writes. */
export interface ScoredReading {
  readonly reading: Reading;
  readonly assessment: Assessment;
}

/**
 * Hash fields in the order of the payload the apply script receives, which is also their order in
 * the hash: fields that change with every reading come first, because Redis finds a field in a small
 * (listpack) hash by scanning from the start. The rest ("cold": identity, metadata, explanations) are
 * rewritten only when their digest changes.
 */
export const SENSOR_FIELDS = [
  'ts',
  'seq',
  'status',
  'current',
  'voltage',
  'power_factor',
  'power_kw',
  'energy_kwh',
  'temperature',
  'pressure',
  'vibration',
  'anomaly_score',
  'failure_probability',
  'processed_at',
  'sensor_id',
  'device_type',
  'location',
  'producer_host',
  'injected',
  'extra',
  'is_anomaly',
  'reasons',
  'model_version',
] as const;

/** How many leading fields of SENSOR_FIELDS are rewritten on every reading. */
export const HOT_FIELD_COUNT = SENSOR_FIELDS.indexOf('processed_at') + 1;

export type SensorField = (typeof SENSOR_FIELDS)[number];

/** 1-based position of a field in the payload, as Lua indexes it. */
export function luaIndex(field: SensorField): number {
  return SENSOR_FIELDS.indexOf(field) + 1;
}

const num = (value: number | null): string => (value === null ? '' : String(value));

/** The payload values, in `SENSOR_FIELDS` order. */
export function sensorFieldValues(item: ScoredReading, processedAt: string): string[] {
  const r = item.reading;
  const a = item.assessment;
  return [
    r.ts,
    String(r.seq),
    a.status,
    num(r.current),
    num(r.voltage),
    num(r.power_factor),
    num(r.power_kw),
    num(r.energy_kwh),
    num(r.temperature),
    num(r.pressure),
    num(r.vibration),
    String(a.anomaly_score),
    String(a.failure_probability),
    processedAt,
    r.sensor_id,
    r.device_type,
    r.location,
    r.producer_host,
    r.injected ?? '',
    r.extra && Object.keys(r.extra).length > 0 ? JSON.stringify(r.extra) : '',
    a.is_anomaly ? '1' : '0',
    JSON.stringify(a.reasons),
    a.model_version,
  ];
}

/**
 * A 32-bit digest (from cyrb53) of the cold values (fields after the hot ones, in order), so the
 * apply script can tell with one number whether they changed instead of reading and comparing each.
 * A collision would only delay a metadata change to the sensor's next change of it.
 */
export function coldDigest(cold: readonly string[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const text of cold) {
    for (let i = 0; i <= text.length; i++) {
      const ch = i < text.length ? text.charCodeAt(i) : 0;
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ (h2 << 11)) >>> 0;
}

const parseNum = (text: string | undefined): number | null =>
  text === undefined || text === '' ? null : Number(text);

/**
 * HMGET of SENSOR_FIELDS (values in that order, null where absent) → the state, as decodeSensorHash.
 * Reading the public fields by name instead of HGETALL leaves the store's bookkeeping (`_`, `_h`) and
 * the field names off the wire: about half the reply to decode.
 */
export function decodeSensorFields(values: readonly (string | null)[]): SensorState | null {
  const hash: Record<string, string> = {};
  for (let i = 0; i < SENSOR_FIELDS.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) hash[SENSOR_FIELDS[i] as string] = value;
  }
  return decodeSensorHash(hash);
}

/** A stored hash (HGETALL result) → the state the API shows; `null` when the hash is gone or partial. */
export function decodeSensorHash(hash: Record<string, string>): SensorState | null {
  if (hash.sensor_id === undefined || hash.seq === undefined || hash.status === undefined) return null;
  // empty optional fields are left out of the hash (see apply-readings-script.ts)
  const extra = hash.extra ? (JSON.parse(hash.extra) as Record<string, number>) : undefined;
  const state: SensorState = {
    sensor_id: hash.sensor_id,
    ts: hash.ts ?? '',
    seq: Number(hash.seq),
    device_type: hash.device_type as DeviceType,
    location: hash.location ?? '',
    current: parseNum(hash.current),
    voltage: parseNum(hash.voltage),
    power_factor: parseNum(hash.power_factor),
    power_kw: parseNum(hash.power_kw),
    energy_kwh: parseNum(hash.energy_kwh),
    temperature: parseNum(hash.temperature),
    pressure: parseNum(hash.pressure),
    vibration: parseNum(hash.vibration),
    producer_host: hash.producer_host ?? '',
    injected: hash.injected ? (hash.injected as AnomalyKind) : null,
    ...(extra ? { extra } : {}),
    anomaly_score: Number(hash.anomaly_score ?? 0),
    is_anomaly: hash.is_anomaly === '1',
    failure_probability: Number(hash.failure_probability ?? 0),
    status: hash.status as SensorStatus,
    reasons: hash.reasons ? (JSON.parse(hash.reasons) as string[]) : [],
    model_version: hash.model_version ?? '',
    processed_at: hash.processed_at ?? '',
  };
  return state;
}
