/**
 * Per-client token buckets for expensive endpoints: `perSecond` sustained, bursts of twice that;
 * over it, 429 with Retry-After. Memory is bounded: at most `maxClients` buckets, and a full table
 * drops buckets idle long enough to have refilled (they would allow a full burst anyway). Per
 * instance: behind a load balancer each instance limits what reaches it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from '../api-error.ts';

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  /** 0 when allowed (and a token is taken), else seconds until a token is available. */
  take(key: string): number;
}

export function createRateLimiter(
  perSecond: number,
  now: () => number = Date.now,
  maxClients = 10_000,
): RateLimiter {
  const burst = perSecond * 2;
  const buckets = new Map<string, Bucket>();
  const prune = (at: number) => {
    for (const [key, b] of buckets)
      if (b.tokens + ((at - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
    if (buckets.size >= maxClients) buckets.clear();
  };
  return {
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxClients) prune(at);
        bucket = { tokens: burst, at };
        buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * perSecond);
      bucket.at = at;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
  };
}

/** The peer address of a request served by @hono/node-server ('local' under `app.request`). */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/** A middleware that applies `limiter` per client address; a no-op when `perSecond` is 0. */
export function rateLimit(limiter: RateLimiter | null): MiddlewareHandler {
  return async (c, next) => {
    if (!limiter) return next();
    const wait = limiter.take(clientAddress(c));
    if (wait === 0) return next();
    c.header('Retry-After', String(wait));
    return c.json(errorBody('rate_limited', `too many requests: retry in ${wait} s`), 429);
  };
}
