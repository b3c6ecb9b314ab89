/**
 * Folds phase 1 reply lines into one snapshot per sensor (in reading order) and collects alert
 * candidates: each applied transition into or out of critical, and for replays of sensors that ever
 * went critical the stored state, so the alerts script can repair what a crash left undone.
 */
import type { SensorStatus } from '../domain/sensor-status.ts';
import type { ScoredReading } from './sensor-hash.ts';
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
}

/** Folds reply `lines` of `items`, processed at `nowMs`. */
export function foldApplyReplies(
  items: readonly ScoredReading[],
  lines: readonly string[],
  nowMs: number,
): FoldedChunk {
  const snapshots = new Map<string, SensorSnapshot>();
  const candidates: AlertCandidate[] = [];
  const appliedMask: boolean[] = [];
  items.forEach((item, i) => {
    const line = lines[i] ?? '';
    const id = item.reading.sensor_id;
    let s = snapshots.get(id);
    if (line.startsWith('0|')) {
      appliedMask.push(false);
      const stored = storedStateOf(splitLine(line, 14));
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
    if (!line.startsWith('1|')) throw new Error(`unexpected apply reply for ${id}: ${line.slice(0, 80)}`);
    appliedMask.push(true);
    const f = splitLine(line, 10);
    const r = item.reading;
    const a = item.assessment;
    const prev = (f[1] ?? '') as SensorStatus | '';
    if (!s) {
      s = emptySnapshot(id, r.device_type);
      s.energyFrom = r.energy_kwh;
      snapshots.set(id, s);
    }
    if (prev !== '' && prev !== a.status) s.formerStatuses = withItem(s.formerStatuses, prev);
    if (f[2]) s.formerLocations = withItem(s.formerLocations, f[2]);
    if (f[3]) s.formerTypes = withItem(s.formerTypes, f[3] as SensorSnapshot['deviceType']);
    s.created ||= f[4] === '1';
    s.touch ||= f[9] === '1';
    s.status = a.status;
    s.location = r.location;
    s.deviceType = r.device_type;
    s.processedMs = nowMs;
    s.ep = Number(f[5]);
    s.n = Number(f[6]);
    s.na = Number(f[7]);
    s.nc = Number(f[8]);
    s.seq = r.seq;
    s.power = r.power_kw;
    s.energy = r.energy_kwh;
    if ((a.status === 'critical') !== (prev === 'critical')) {
      candidates.push([id, String(s.ep), s.nc, a.status, String(r.seq), r.ts, JSON.stringify(a.reasons)]);
    }
  });
  return { snapshots, candidates, appliedMask };
}

/** Sets are made only for the few sensors that changed something, not for every sensor of a chunk. */
function withItem<T>(set: Set<T> | null, item: T): Set<T> {
  const out = set ?? new Set<T>();
  out.add(item);
  return out;
}
