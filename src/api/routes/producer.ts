/** `/api/producer/status`: liveness from heartbeats, not from cached sensor data (the seed's 10-minute blind spot). */
import { Hono } from 'hono';
import type { ApiServices } from '../api-services.ts';
import type { ProducerStatusResponse } from '../contract/rest.ts';

export function producerRoutes(s: ApiServices): Hono {
  const app = new Hono();
  app.get('/status', async (c) => {
    const summary = await s.producers.get();
    return c.json({ ...summary, timestamp: s.now().toISOString() } satisfies ProducerStatusResponse);
  });
  return app;
}
