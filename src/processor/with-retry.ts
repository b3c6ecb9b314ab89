/**
 * Retry as a wrapper around a stage (Benthos style): the operation is retried with exponential
 * backoff and jitter until it succeeds, so an outage delays data and never skips it. Every failure
 * is logged with the attempt and the next delay, and the recovery is logged once. Retrying stops
 * only when the caller says the work no longer belongs to it (`isActive` false, e.g. the partition
 * was revoked) or the signal aborts; then `RetryStoppedError` is thrown and nothing is acknowledged.
 */
import type { Logger } from '../log/logger.ts';

export interface RetryOptions {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Multiplier per attempt. */
  readonly factor: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = Object.freeze({
  initialDelayMs: 100,
  maxDelayMs: 10_000,
  factor: 2,
});

export interface RetryContext {
  readonly log: Logger;
  /** What is being retried, for the log ("store chunk", "send DLQ records"). */
  readonly what: string;
  readonly isActive?: () => boolean;
  readonly signal?: AbortSignal;
  /** Called before each retry (metrics). */
  readonly onRetry?: (attempt: number, error: unknown) => void;
  /** Fields added to every log line (partition, offsets). */
  readonly fields?: Record<string, unknown>;
}

export class RetryStoppedError extends Error {
  override readonly name = 'RetryStoppedError';
}

/** Runs `operation` until it succeeds (see the file comment for when it gives up). */
export async function withRetry<T>(
  operation: () => Promise<T>,
  context: RetryContext,
  options: RetryOptions = DEFAULT_RETRY_OPTIONS,
): Promise<T> {
  let delay = options.initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await operation();
      if (attempt > 1)
        context.log.info(`${context.what} recovered`, { attempts: attempt, ...context.fields });
      return result;
    } catch (error) {
      if (context.signal?.aborted || context.isActive?.() === false) {
        throw new RetryStoppedError(`${context.what} stopped after ${attempt} attempt(s)`, { cause: error });
      }
      const wait = Math.round(delay * (0.5 + Math.random()));
      context.log.warn(`${context.what} failed; retrying`, {
        attempt,
        retry_in_ms: wait,
        error,
        ...context.fields,
      });
      context.onRetry?.(attempt, error);
      await sleep(wait, context.signal);
      delay = Math.min(options.maxDelayMs, delay * options.factor);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
