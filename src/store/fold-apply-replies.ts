/**
 * Folds phase 1 replies into one snapshot per sensor (in reading order) and collects alert
 * candidates: each applied transition into or out of critical, and for replays of sensors that ever
 * went critical the stored state, so the alerts script can repair what a crash left undone.
 */
import type { ApplyReply } from './apply-replies.ts';
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

/** Folds the `replies` of `items`, processed at `nowMs`. */
export function foldApplyReplies(
  items: readonly ScoredReading[],
  replies: readonly ApplyReply[],
  nowMs: number,
): FoldedChunk {
  const snapshots = new Map<string, SensorSnapshot>();
  const candidates: AlertCandidate[] = [];
  const appliedMask: boolean[] = [];
  items.forEach((item, i) => {
    const reply = replies[i];
    const id = item.reading.sensor_id;
    if (!reply) throw new Error(`no apply reply for ${id}`);
    let s = snapshots.get(id);
    if (!reply.applied) {
      appliedMask.push(false);
      const stored = storedStateOf(splitLine(reply.line, 14));
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
    appliedMask.push(true);
    const r = item.reading;
    const a = item.assessment;
    const prev = reply.prevStatus;
    if (!s) {
      s = emptySnapshot(id, r.device_type);
      s.energyFrom = r.energy_kwh;
      snapshots.set(id, s);
    }
    if (prev !== '' && prev !== a.status) s.formerStatuses = withItem(s.formerStatuses, prev);
    if (reply.prevLocation) s.formerLocations = withItem(s.formerLocations, reply.prevLocation);
    if (reply.prevType)
      s.formerTypes = withItem(s.formerTypes, reply.prevType as SensorSnapshot['deviceType']);
    s.created ||= reply.created;
    s.touch ||= reply.touch;
    s.status = a.status;
    s.location = r.location;
    s.deviceType = r.device_type;
    s.processedMs = nowMs;
    s.ep = reply.ep;
    s.n = reply.n;
    s.na = reply.na;
    s.nc = reply.nc;
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
