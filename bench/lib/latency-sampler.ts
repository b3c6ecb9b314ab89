/**
 * End-to-end latency by observation: polls a fixed sample of sensors' hashes in Redis and, whenever a
 * sensor's `seq` moves, records now − the reading's `ts` (its produce time; the simulator runs with
 * no jitter, so `ts` is when the reading fell due and was handed to Kafka). Each figure is an upper
 * bound by at most one poll interval. One pipelined HMGET per sensor per poll: a few thousand cheap
 * commands a second, small beside the write load.
 */
import type { Redis } from 'ioredis';

export interface LatencySampler {
  /** Latencies in ms observed since the last call. */
  drain(): number[];
  stop(): void;
}

export function startLatencySampler(
  redis: Redis,
  keys: readonly string[],
  intervalMs: number,
): LatencySampler {
  const lastSeq = new Map<string, string>();
  let observed: number[] = [];
  let busy = false;
  const poll = async () => {
    if (busy) return; // never stack polls when Redis is slow: that would measure the sampler
    busy = true;
    try {
      const pipeline = redis.pipeline();
      for (const key of keys) pipeline.hmget(key, 'ts', 'seq');
      const replies = (await pipeline.exec()) ?? [];
      const now = Date.now();
      replies.forEach(([error, value], i) => {
        const [ts, seq] = (value ?? []) as (string | null)[];
        const key = keys[i] as string;
        if (error || !ts || !seq) return;
        const before = lastSeq.get(key);
        lastSeq.set(key, seq);
        if (before !== undefined && before !== seq) observed.push(now - Date.parse(ts));
      });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), intervalMs);
  return {
    drain() {
      const out = observed;
      observed = [];
      return out;
    },
    stop: () => clearInterval(timer),
  };
}

/** The q-quantile (0..1) of `values`, by nearest rank; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
