/** Reconnect delays: exponential from `baseMs` up to `maxMs`, with jitter so a restarted server is not hit by every browser at once. */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Fraction of the delay randomised, 0..1. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF_OPTIONS: BackoffOptions = Object.freeze({
  baseMs: 500,
  maxMs: 10_000,
  jitter: 0.3,
});

/** Delay before reconnect attempt number `attempt` (0 = the first retry). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const raw = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  const spread = raw * options.jitter;
  return Math.round(raw - spread + random() * spread);
}
