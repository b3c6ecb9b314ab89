/**
 * What phase 1 of a chunk write learned about each sensor, folded per sensor in reading order: its
 * state after the chunk, which index memberships it had before, and the alert candidates. Phase 2
 * (the ledger, the indexes, the alerts) is computed from these snapshots only, so replaying a chunk
 * recomputes the same phase 2 from what Redis already holds.
 */
import type { DeviceType } from '../domain/device-type.ts';
import { SENSOR_STATUSES, type SensorStatus } from '../domain/sensor-status.ts';

export interface SensorSnapshot {
  readonly id: string;
  status: SensorStatus;
  location: string;
  deviceType: DeviceType;
  /** processed_at of the stored state, ms: the score of its index entries. */
  processedMs: number;
  ep: number;
  n: number;
  na: number;
  nc: number;
  seq: number;
  power: number | null;
  energy: number | null;
  /** Meter reading of the first reading this chunk applied (the ledger counts a new sensor's use from it). */
  energyFrom: number | null;
  /** The hash was created by this chunk (a new sensor or a new incarnation). */
  created: boolean;
  /** Refresh the location and type index scores too (the status score is refreshed always). */
  touch: boolean;
  /** Some reading was a replay: indexes are re-asserted in full in case a crash interrupted phase 2. */
  repair: boolean;
  /** Index memberships the sensor had before this chunk changed them (null: none). */
  formerStatuses: Set<SensorStatus> | null;
  formerLocations: Set<string> | null;
  formerTypes: Set<DeviceType> | null;
}

/** `[sensor_id, incarnation, transitions into critical, status, seq, ts, reasons JSON]`, see alerts-script.ts. */
export type AlertCandidate = readonly [string, string, number, SensorStatus, string, string, string];

/** A stored state as stale apply replies and mark-offline replies report it (after their first field). */
export interface StoredState {
  readonly status: SensorStatus;
  readonly location: string;
  readonly deviceType: DeviceType;
  readonly processedAt: string;
  readonly ep: number;
  readonly n: number;
  readonly na: number;
  readonly nc: number;
  readonly seq: number;
  readonly power: number | null;
  readonly energy: number | null;
  readonly ts: string;
  /** JSON text. */
  readonly reasons: string;
}

/** Splits a `|`-joined reply line into `count` fields; the last one keeps any further `|`. */
export function splitLine(line: string, count: number): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < count - 1; i++) {
    const at = line.indexOf('|', from);
    if (at < 0) break;
    out.push(line.slice(from, at));
    from = at + 1;
  }
  out.push(line.slice(from));
  return out;
}

const numOrNull = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));

/** The stored state in fields 1..13 of a split stale or mark-offline reply line. */
export function storedStateOf(fields: readonly string[]): StoredState {
  const at = (i: number) => fields[i] ?? '';
  return {
    status: at(1) as SensorStatus,
    location: at(2),
    deviceType: at(3) as DeviceType,
    processedAt: at(4),
    ep: Number(at(5)),
    n: Number(at(6)),
    na: Number(at(7)),
    nc: Number(at(8)),
    seq: Number(at(9)),
    power: numOrNull(at(10)),
    energy: numOrNull(at(11)),
    ts: at(12),
    reasons: at(13) || '[]',
  };
}

/** A snapshot of a stored state that the chunk did not change (replay, or a sweeper check). */
export function snapshotOfStored(id: string, stored: StoredState): SensorSnapshot {
  return {
    ...emptySnapshot(id, stored.deviceType),
    status: stored.status,
    location: stored.location,
    processedMs: Date.parse(stored.processedAt) || 0,
    ep: stored.ep,
    n: stored.n,
    na: stored.na,
    nc: stored.nc,
    seq: stored.seq,
    power: stored.power,
    energy: stored.energy,
    touch: true,
    repair: true,
  };
}

/** A snapshot to be filled from the first applied reading of a sensor in a chunk. */
export function emptySnapshot(id: string, deviceType: DeviceType): SensorSnapshot {
  return {
    id,
    status: 'normal',
    location: '',
    deviceType,
    processedMs: 0,
    ep: 0,
    n: 0,
    na: 0,
    nc: 0,
    seq: 0,
    power: null,
    energy: null,
    energyFrom: null,
    created: false,
    touch: false,
    repair: false,
    formerStatuses: null,
    formerLocations: null,
    formerTypes: null,
  };
}

/** Statuses a repaired sensor must not be listed under. */
export function otherStatuses(status: SensorStatus): SensorStatus[] {
  return SENSOR_STATUSES.filter((s) => s !== status);
}
