/**
 * How far behind real time this processor is, in time rather than messages: for each partition it
 * holds, the age of the newest message it has stored (Kafka record timestamp, set when the producer
 * sent it) while messages remain behind it; zero once the partition is caught up.
 *
 * The offline sweep needs this. It judges silence by processing time, so while the consumer works
 * through a backlog (after a restart, a Redis outage, or simply when it is slower than the fleet) a
 * sensor that reports every second may not have been *processed* for several seconds, and would be
 * marked offline and back on every sweep. Allowing the backlog's age on top of the silence keeps the
 * verdict about the sensor rather than about the consumer.
 *
 * A partition that stops being acknowledged while messages remain keeps aging (a stuck consumer is
 * a growing backlog); one not acknowledged for `forgetAfterMs` is forgotten, as the group has most
 * likely given it to another member (a new assignment also clears everything, see `reset`).
 */
export interface BacklogTracker {
  /** After a chunk of `topic`/`partition` is stored: its newest message's timestamp and what remains. */
  acked(topic: string, partition: number, newestTimestampMs: number, remaining: number): void;
  /** The largest backlog age over the partitions held, in ms (0 when every one is caught up). */
  lagMs(): number;
  /** Forgets every partition (a rebalance assigned new ones). */
  reset(): void;
}

interface PartitionBacklog {
  newestTimestampMs: number;
  remaining: number;
  ackedAtMs: number;
}

/** A tracker with nothing acknowledged yet (lag 0). */
export function createBacklogTracker(
  options: { readonly forgetAfterMs?: number; readonly now?: () => number } = {},
): BacklogTracker {
  const forgetAfterMs = options.forgetAfterMs ?? 60_000;
  const now = options.now ?? Date.now;
  const partitions = new Map<string, PartitionBacklog>();
  return {
    acked(topic, partition, newestTimestampMs, remaining) {
      if (!Number.isFinite(newestTimestampMs)) return;
      partitions.set(`${topic}:${partition}`, { newestTimestampMs, remaining, ackedAtMs: now() });
    },
    lagMs() {
      const nowMs = now();
      let lag = 0;
      for (const [key, p] of partitions) {
        if (nowMs - p.ackedAtMs > forgetAfterMs) partitions.delete(key);
        else if (p.remaining > 0) lag = Math.max(lag, nowMs - p.newestTimestampMs);
      }
      return lag;
    },
    reset() {
      partitions.clear();
    },
  };
}
