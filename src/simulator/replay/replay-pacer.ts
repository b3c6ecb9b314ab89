/**
 * When a recorded row is due: the first row at the replay's start, each later one after its
 * recorded distance from the first divided by the speed (speed 0 = everything due at once).
 * Time spent waiting for Kafka shifts the schedule, so after an outage the replay continues
 * where it was instead of bursting through the rows it "missed".
 */
export interface ReplayPacer {
  /** Wall-clock time at which the row recorded at `recordedMs` is due. */
  dueAt(recordedMs: number): number;
  /** Pushes every later due time back by `ms`. */
  shift(ms: number): void;
}

export function createReplayPacer(speed: number, startMs: number): ReplayPacer {
  let firstRecorded: number | undefined;
  let shifted = 0;
  return {
    dueAt(recordedMs) {
      if (speed === 0) return startMs + shifted;
      firstRecorded ??= recordedMs;
      // Rows recorded out of order are due at once, not in the past of the replay.
      return startMs + shifted + Math.max(0, recordedMs - firstRecorded) / speed;
    },
    shift(ms) {
      shifted += Math.max(0, ms);
    },
  };
}
