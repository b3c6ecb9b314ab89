/** Exponential backoff with full jitter (retries from many producers do not line up). */
export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export const DEFAULT_BACKOFF_OPTIONS: BackoffOptions = Object.freeze({
  initialMs: 500,
  maxMs: 30_000,
  factor: 2,
});

export interface Backoff {
  /** The next wait, ms: random in [ceiling/2, ceiling], the ceiling doubling up to maxMs. */
  next(): number;
  reset(): void;
  /** Failures since the last reset. */
  readonly attempts: number;
}

export function createBackoff(
  options: BackoffOptions = DEFAULT_BACKOFF_OPTIONS,
  random = Math.random,
): Backoff {
  let attempts = 0;
  return {
    next() {
      const ceiling = Math.min(options.maxMs, options.initialMs * options.factor ** attempts);
      attempts++;
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
