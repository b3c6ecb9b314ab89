/** `/` (service JSON when no dashboard is built), `/health`, `/ready` and `/metrics`. */
import { Hono, type MiddlewareHandler } from 'hono';
import type { ApiServices } from '../api-services.ts';
import type { HealthResponse, ReadyResponse, ServiceInfo } from '../contract/rest.ts';

export const ENDPOINTS: Readonly<Record<string, string>> = Object.freeze({
  documentation: '/api/openapi.json',
  sensors: '/api/sensors',
  dashboard: '/api/dashboard/stats',
  realtime: '/api/energy-data/realtime',
  producer: '/api/producer/status',
  alerts: '/api/alerts',
  optimization: '/api/optimization/suggestions',
  analytics: '/api/analytics/history',
  quality: '/api/quality',
  health: '/health',
  metrics: '/metrics',
  websocket: '/ws',
});

/** The service document at `/` (used when no dashboard is built). */
export function serviceInfo(s: ApiServices): ServiceInfo {
  return {
    message: 'IoT Energy Monitor API',
    service: 'wattwatch',
    version: s.options.version,
    status: 'running',
    endpoints: ENDPOINTS,
    timestamp: s.now().toISOString(),
  };
}

export function serviceRoutes(s: ApiServices, guarded: MiddlewareHandler): Hono {
  const app = new Hono();
  app.get('/health', async (c) => {
    const redis = await s.ping().then(
      () => 'connected' as const,
      () => 'disconnected' as const,
    );
    const body: HealthResponse = {
      status: redis === 'connected' ? 'healthy' : 'unhealthy',
      redis,
      uptime_s: Math.round((s.now().getTime() - s.startedAt) / 1000),
      timestamp: s.now().toISOString(),
    };
    return c.json(body, redis === 'connected' ? 200 : 503);
  });
  app.get('/ready', async (c) => {
    const ready =
      !s.stopping &&
      (await s.ping().then(
        () => true,
        () => false,
      ));
    return c.json({ ready, timestamp: s.now().toISOString() } satisfies ReadyResponse, ready ? 200 : 503);
  });
  app.get('/metrics', guarded, async (c) => {
    c.header('Content-Type', s.metrics.registry.contentType);
    return c.body(await s.metrics.registry.metrics());
  });
  return app;
}
