/** `/api/energy-data/realtime`: a page of sensors with stats and producer status (the seed's combined view, bounded). */
import { Hono, type MiddlewareHandler } from 'hono';
import type { ApiServices } from '../api-services.ts';
import type { EnergyRealtimeResponse } from '../contract/rest.ts';
import { MAX_SENSOR_PAGE } from '../contract/sensor-filter.ts';
import { parseSensorFilter } from '../sensor-filter-params.ts';

export function energyDataRoutes(s: ApiServices, limited: MiddlewareHandler): Hono {
  const app = new Hono();
  app.get('/realtime', limited, async (c) => {
    const filter = parseSensorFilter(c.req.query(), MAX_SENSOR_PAGE);
    const [page, stats, producers] = await Promise.all([
      s.reader.listSensors(filter),
      s.stats.get(),
      s.producers.get(),
    ]);
    const timestamp = s.now().toISOString();
    const body: EnergyRealtimeResponse = {
      sensors: page.items,
      stats: { ...stats, timestamp },
      producer_status: { ...producers, timestamp },
      pagination: {
        limit: filter.limit ?? 50,
        next_cursor: page.next_cursor,
        has_more: page.next_cursor !== null,
      },
      timestamp,
    };
    return c.json(body);
  });
  return app;
}
