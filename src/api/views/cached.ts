/**
 * A value read at most once per `ttlMs`, with concurrent callers sharing the read in flight: under
 * load, thousands of requests per second cost one Redis read per interval (perf-limits §7.7).
 *
 * Stale-while-revalidate: once the value is older than `ttlMs` but younger than `maxStaleMs`, callers
 * get it at once while one refresh runs in the background. A burst of ingest makes Redis answer
 * slowly for a moment; without this every request (and the WebSocket tick) would queue behind the
 * refresh, so a stats request would wait on the writers instead of costing a few microseconds.
 * Older than `maxStaleMs` (or never read), callers wait for a fresh read. A failed read is not
 * cached: the previous value stays until it is too old, then the error reaches the callers.
 */
export interface Cached<T> {
  get(): Promise<T>;
}

export interface CacheTiming {
  readonly ttlMs: number;
  /** Serve a value this old while refreshing it; ≤ ttlMs turns stale serving off. */
  readonly maxStaleMs: number;
}

export function createCached<T>(
  read: () => Promise<T>,
  timing: CacheTiming,
  now: () => number = Date.now,
): Cached<T> {
  let settled: { at: number; promise: Promise<T> } | null = null;
  let refreshing: Promise<T> | null = null;
  const refresh = (): Promise<T> => {
    if (refreshing) return refreshing;
    const at = now();
    const promise = read();
    refreshing = promise;
    promise.then(
      () => {
        if (refreshing === promise) refreshing = null;
        if (!settled || settled.at <= at) settled = { at, promise };
      },
      () => {
        if (refreshing === promise) refreshing = null;
      },
    );
    return promise;
  };
  return {
    get() {
      const age = settled ? now() - settled.at : Number.POSITIVE_INFINITY;
      if (settled && age < timing.ttlMs) return settled.promise;
      if (settled && age < timing.maxStaleMs) {
        // answer now; the refresh's failure is the next caller's business once the value is too old
        refresh().catch(() => undefined);
        return settled.promise;
      }
      return refresh();
    },
  };
}
