/** `/api/dashboard/stats`: fleet aggregates, cached and shared by all requests within the cache interval. */
import { Hono } from 'hono';
import type { ApiServices } from '../api-services.ts';

export function dashboardRoutes(s: ApiServices): Hono {
  const app = new Hono();
  app.get('/stats', async (c) => {
    const stats = await s.stats.get();
    return c.json({ ...stats, timestamp: s.now().toISOString() });
  });
  return app;
}
