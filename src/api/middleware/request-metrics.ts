/** Counts and times every request by its route pattern (never the raw path: bounded label values). */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { ApiMetrics } from '../api-metrics.ts';

export function requestMetrics(metrics: ApiMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const matched = routePath(c, -1);
    // only a wildcard middleware matched: no route (or a dashboard file); one label for all of them
    const route = matched.includes('*') ? 'unmatched' : matched;
    metrics.httpRequests.inc({ method: c.req.method.slice(0, 8), route, status: String(c.res.status) });
    metrics.httpSeconds.observe({ route }, (performance.now() - started) / 1000);
  };
}
