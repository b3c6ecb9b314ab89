/**
 * `/api/quality`: detection counts against the simulator's ground truth; `/api/locations` for filter
 * menus and `/api/locations/health` (sensors per location and status) for the factory floor.
 */
import { Hono } from 'hono';
import type { ApiServices } from '../api-services.ts';
import type { LocationHealthResponse, LocationsResponse, QualityResponse } from '../contract/rest.ts';
import { DEVICE_TYPE_VALUES } from '../contract/sensor.ts';

export function qualityRoutes(s: ApiServices): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const quality = await s.reader.getQuality();
    return c.json({ ...quality, timestamp: s.now().toISOString() } satisfies QualityResponse);
  });
  return app;
}

export function locationRoutes(s: ApiServices): Hono {
  const app = new Hono();
  app.get('/health', async (c) => {
    const body: LocationHealthResponse = {
      locations: (await s.reader.getLocationHealth()).map((l) => ({
        ...l,
        healthy_percent:
          l.sensors - l.offline > 0 ? Math.round((l.normal / (l.sensors - l.offline)) * 1000) / 10 : null,
      })),
      timestamp: s.now().toISOString(),
    };
    return c.json(body);
  });
  app.get('/', async (c) => {
    const body: LocationsResponse = {
      locations: await s.reader.listLocations(),
      device_types: DEVICE_TYPE_VALUES,
      timestamp: s.now().toISOString(),
    };
    return c.json(body);
  });
  return app;
}
