/**
 * Folds phase 1 replies into one snapshot per sensor (in reading order), collects alert candidates
 * (each applied transition into or out of critical; for replays of sensors that ever went critical
 * the stored state, so the alerts script can repair what a crash left undone) and what the writer
 * knows about each sensor afterwards. A fast-path reply is empty: the row's own `after` state is then
 * what Redis holds.
 */
import type { SensorStatus } from '../domain/sensor-status.ts';
import type { AppliedRow } from './apply-readings.ts';
import type { ScoredReading } from './sensor-hash.ts';
import { type KnownSensor, parseBook } from './sensor-memory.ts';
import {
  type AlertCandidate,
  emptySnapshot,
  type SensorSnapshot,
  snapshotOfStored,
  splitLine,
  storedStateOf,
} from './sensor-snapshot.ts';

export interface FoldedChunk {
  readonly snapshots: Map<string, SensorSnapshot>;
  readonly candidates: AlertCandidate[];
  /** Per reading, same order: true when it was applied. */
  readonly appliedMask: boolean[];
  /** Per sensor, what Redis holds after the chunk (null: unknown). */
  readonly known: Map<string, KnownSensor | null>;
}

/** Folds the replies of `items` (same order), processed at `nowMs`. */
export function foldApplyReplies(
  items: readonly ScoredReading[],
  replies: readonly AppliedRow[],
  nowMs: number,
): FoldedChunk {
  const snapshots = new Map<string, SensorSnapshot>();
  const candidates: AlertCandidate[] = [];
  const appliedMask: boolean[] = [];
  const known = new Map<string, KnownSensor | null>();
  items.forEach((item, i) => {
    const { line, row } = replies[i] as AppliedRow;
    const r = item.reading;
    const a = item.assessment;
    const id = r.sensor_id;
    let s = snapshots.get(id);
    if (line.startsWith('0|')) {
      appliedMask.push(false);
      const stored = storedStateOf(splitLine(line, 11));
      known.set(id, {
        ...parseBook(stored.book),
        book: stored.book,
        seq: stored.seq,
        status: stored.status,
        location: stored.location,
        deviceType: stored.deviceType,
        cold: null,
      });
      if (!s) {
        s = snapshotOfStored(id, stored);
        snapshots.set(id, s);
      }
      s.repair = true;
      if (stored.nc > 0) {
        candidates.push([
          id,
          String(stored.ep),
          stored.nc,
          stored.status,
          String(stored.seq),
          stored.ts,
          stored.reasons,
        ]);
      }
      return;
    }
    let prev: SensorStatus | '';
    let formerLocation = '';
    let formerType = '';
    let created = false;
    let touch: boolean;
    let after: KnownSensor;
    if (line === '' && row.after && row.before) {
      after = row.after;
      prev = row.before.status;
      if (row.before.location !== r.location) formerLocation = row.before.location;
      if (row.before.deviceType !== r.device_type) formerType = row.before.deviceType;
      touch = row.touch;
    } else if (line.startsWith('1|')) {
      const f = splitLine(line, 7);
      prev = (f[1] ?? '') as SensorStatus | '';
      formerLocation = f[2] ?? '';
      formerType = f[3] ?? '';
      created = f[4] === '1';
      touch = f[5] === '1';
      const book = f[6] ?? '';
      after = {
        ...parseBook(book),
        book,
        seq: r.seq,
        status: a.status,
        location: r.location,
        deviceType: r.device_type,
        cold: null,
      };
    } else {
      throw new Error(`unexpected apply reply for ${id}: ${line.slice(0, 80)}`);
    }
    appliedMask.push(true);
    known.set(id, after);
    if (!s) {
      s = emptySnapshot(id, r.device_type);
      s.energyFrom = r.energy_kwh;
      snapshots.set(id, s);
    }
    if (prev !== '' && prev !== a.status) s.formerStatuses = withItem(s.formerStatuses, prev);
    if (formerLocation) s.formerLocations = withItem(s.formerLocations, formerLocation);
    if (formerType) s.formerTypes = withItem(s.formerTypes, formerType as SensorSnapshot['deviceType']);
    s.created ||= created;
    s.touch ||= touch;
    s.status = a.status;
    s.location = r.location;
    s.deviceType = r.device_type;
    s.processedMs = nowMs;
    s.ep = Number(after.ep) || 0;
    s.n = after.n;
    s.na = after.na;
    s.nc = after.nc;
    s.seq = r.seq;
    s.power = r.power_kw;
    s.energy = r.energy_kwh;
    if ((a.status === 'critical') !== (prev === 'critical')) {
      candidates.push([id, String(s.ep), s.nc, a.status, String(r.seq), r.ts, JSON.stringify(a.reasons)]);
    }
  });
  return { snapshots, candidates, appliedMask, known };
}

/** Sets are made only for the few sensors that changed something, not for every sensor of a chunk. */
function withItem<T>(set: Set<T> | null, item: T): Set<T> {
  const out = set ?? new Set<T>();
  out.add(item);
  return out;
}
