/**
 * A value read at most once per `ttlMs`, with concurrent callers sharing the read in flight: under
 * load, thousands of requests per second cost one Redis read per interval (perf-limits §7.7).
 * A failed read is not cached.
 */
export interface Cached<T> {
  get(): Promise<T>;
}

export function createCached<T>(
  read: () => Promise<T>,
  ttlMs: number,
  now: () => number = Date.now,
): Cached<T> {
  let value: { at: number; promise: Promise<T> } | null = null;
  return {
    get() {
      const at = now();
      if (value && (at - value.at < ttlMs || isPending(value))) return value.promise;
      const entry = { at, promise: read(), settled: false };
      value = entry;
      entry.promise.then(
        () => {
          entry.settled = true;
        },
        () => {
          if (value === entry) value = null;
        },
      );
      return entry.promise;
    },
  };
}

function isPending(entry: { promise: Promise<unknown> } & { settled?: boolean }): boolean {
  return entry.settled === false;
}
