/** Counts and times every request by its route pattern (never the raw path: bounded label values). */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { ApiMetrics } from '../api-metrics.ts';

interface RouteSeries {
  readonly count: { inc(): void };
  readonly seconds: { observe(value: number): void };
}

export function requestMetrics(metrics: ApiMetrics): MiddlewareHandler {
  // prom-client hashes a label set on every call; a route's series are looked up once instead
  // (bounded: route patterns × methods × statuses)
  const series = new Map<string, RouteSeries>();
  const seriesOf = (method: string, route: string, status: string): RouteSeries => {
    const key = `${method} ${status} ${route}`;
    let found = series.get(key);
    if (!found) {
      found = {
        count: metrics.httpRequests.labels({ method, route, status }),
        seconds: metrics.httpSeconds.labels({ route }),
      };
      series.set(key, found);
    }
    return found;
  };
  return async (c, next) => {
    const started = performance.now();
    await next();
    const matched = routePath(c, -1);
    // only a wildcard middleware matched: no route (or a dashboard file); one label for all of them
    const route = matched.includes('*') ? 'unmatched' : matched;
    const { count, seconds } = seriesOf(c.req.method.slice(0, 8), route, String(c.res.status));
    count.inc();
    seconds.observe((performance.now() - started) / 1000);
  };
}
