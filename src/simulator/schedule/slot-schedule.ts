/**
 * When each sensor reports. Sensor i's slots are `startMs + phase_i + r·interval` (round r), with
 * phases spread evenly over the interval (phase_i = ⌊i·interval/N⌋), so a 100k fleet at 1 s emits
 * 100 readings every millisecond rather than 100,000 at once. Each reading's `ts` is its slot plus
 * a jitter in [0, J) drawn from (seed, sensor, round); a slot is due once slot + J ≤ now, so no
 * reading is stamped in the future.
 *
 * All slots form one time-ordered sequence (position r·N + i), walked by a cursor. When the
 * cursor falls more than one interval behind (Kafka down, event loop stalled), the missed slots
 * are skipped, not back-filled: each sensor's next reading is its latest due one, and the
 * generator integrates the gap. Time is never lost and memory never grows.
 */
import { hashWords, unitFromHash } from '../random/hash.ts';

export interface SlotScheduleOptions {
  readonly sensors: number;
  readonly intervalMs: number;
  readonly startMs: number;
  /** Maximum jitter as a fraction of the interval, 0 … 0.45. */
  readonly jitter: number;
  readonly seed: number;
}

/** Receives one due slot: the sensor, its slot time (= seq) and its jitter. */
export type SlotHandler = (sensor: number, slotMs: number, jitterMs: number) => void;

export interface AdvanceResult {
  readonly emitted: number;
  /** Slots passed over without a reading because the cursor was more than an interval behind. */
  readonly skipped: number;
}

export interface SlotSchedule {
  /** Emits due slots in time order, at most `limit`; skips first if more than an interval behind. */
  advance(nowMs: number, handle: SlotHandler, limit?: number): AdvanceResult;
  /** Passes over every slot due by `nowMs` without emitting (while nothing can be sent); returns the count. */
  skipDue(nowMs: number): number;
  /** Time of the next slot that will become due (its slot + J), ms. */
  nextDueMs(): number;
}

export function createSlotSchedule(options: SlotScheduleOptions): SlotSchedule {
  const { sensors: n, intervalMs: interval, startMs, seed } = options;
  if (!(options.jitter >= 0 && options.jitter <= 0.45)) throw new RangeError('jitter must be within 0..0.45');
  const maxJitter = Math.floor(options.jitter * interval);
  let position = 0; // r·N + i of the next slot to emit

  const phase = (i: number) => Math.floor((i * interval) / n);
  const slotOf = (pos: number) => {
    const r = Math.floor(pos / n);
    return startMs + r * interval + phase(pos - r * n);
  };
  /** First position whose slot is later than `t`. */
  const firstAfter = (t: number) => {
    const rel = t - startMs;
    if (rel < 0) return 0;
    const r = Math.floor(rel / interval);
    const offset = Math.floor(rel - r * interval);
    const i = Math.ceil(((offset + 1) * n) / interval);
    return r * n + Math.min(i, n);
  };
  const catchUp = (nowMs: number): number => {
    // Slots older than one interval are superseded by the same sensor's next slot.
    const target = firstAfter(nowMs - maxJitter - interval);
    if (target <= position) return 0;
    const skipped = target - position;
    position = target;
    return skipped;
  };

  return {
    advance(nowMs, handle, limit = Number.POSITIVE_INFINITY) {
      const skipped = catchUp(nowMs);
      let emitted = 0;
      while (emitted < limit) {
        const slot = slotOf(position);
        if (slot + maxJitter > nowMs) break;
        const r = Math.floor(position / n);
        const i = position - r * n;
        const jitter = maxJitter === 0 ? 0 : Math.floor(unitFromHash(hashWords(seed, i, r)) * maxJitter);
        handle(i, slot, jitter);
        position++;
        emitted++;
      }
      return { emitted, skipped };
    },
    skipDue(nowMs) {
      const target = firstAfter(nowMs - maxJitter);
      if (target <= position) return 0;
      const skipped = target - position;
      position = target;
      return skipped;
    },
    nextDueMs: () => slotOf(position) + maxJitter,
  };
}
