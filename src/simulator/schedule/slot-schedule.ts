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
 *
 * A shard (worker thread k of W) walks only sensors i ≡ k (mod W), with exactly the slots and
 * jitter those sensors have in the whole fleet's schedule: the shards together emit what one
 * schedule would, and each shard's load is spread evenly over the interval (not a burst for
 * "its" half of the fleet).
 */
import { hashWords, unitFromHash } from '../random/hash.ts';

export interface SlotScheduleOptions {
  readonly sensors: number;
  readonly intervalMs: number;
  readonly startMs: number;
  /** Maximum jitter as a fraction of the interval, 0 … 0.45. */
  readonly jitter: number;
  readonly seed: number;
  /** Only sensors i ≡ index (mod count); the whole fleet by default. */
  readonly shard?: ScheduleShard;
}

export interface ScheduleShard {
  readonly index: number;
  readonly count: number;
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
  const { index: first, count: stride } = checkShard(options.shard ?? { index: 0, count: 1 }, n);
  /** Sensors in this shard: positions are r·local + j for its j-th sensor, first + j·stride. */
  const local = Math.ceil((n - first) / stride);
  const maxJitter = Math.floor(options.jitter * interval);
  let position = 0; // r·local + j of the next slot to emit

  const phase = (i: number) => Math.floor((i * interval) / n);
  const slotOf = (pos: number) => {
    const r = Math.floor(pos / local);
    return startMs + r * interval + phase(first + (pos - r * local) * stride);
  };
  /** First position whose slot is later than `t`. */
  const firstAfter = (t: number) => {
    const rel = t - startMs;
    if (rel < 0) return 0;
    const r = Math.floor(rel / interval);
    const offset = Math.floor(rel - r * interval);
    // The first sensor of the fleet whose phase is past `offset`, then the first of this shard from there.
    const i = Math.min(Math.ceil(((offset + 1) * n) / interval), n);
    const j = Math.min(Math.max(0, Math.ceil((i - first) / stride)), local);
    return r * local + j;
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
        const r = Math.floor(position / local);
        const i = first + (position - r * local) * stride;
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

function checkShard(shard: ScheduleShard, sensors: number): ScheduleShard {
  const { index, count } = shard;
  const valid = Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 0;
  if (!valid || index >= Math.min(count, sensors))
    throw new RangeError(`shard ${index} of ${count} does not exist for ${sensors} sensors`);
  return shard;
}
