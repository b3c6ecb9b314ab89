/** `/api/sensors`: filtered, cursor-paginated listing; one sensor; its recent history. */
import { Hono, type MiddlewareHandler } from 'hono';
import { SENSOR_ID_PATTERN } from '../../domain/reading.ts';
import { ApiError } from '../api-error.ts';
import type { ApiServices } from '../api-services.ts';
import type { SensorHistoryResponse, SensorListResponse, SensorResponse } from '../contract/rest.ts';
import { MAX_SENSOR_PAGE } from '../contract/sensor-filter.ts';
import { parseSensorFilter } from '../sensor-filter-params.ts';

const SENSOR_ID = new RegExp(SENSOR_ID_PATTERN);

/** Checks the `:id` path parameter. */
export function sensorIdOf(raw: string): string {
  if (!SENSOR_ID.test(raw))
    throw new ApiError(400, 'bad_parameter', 'sensor id must be letters, digits, _ . : - (1–64)');
  return raw;
}

/** The sensor routes; `limited` is the rate limit of expensive endpoints. */
export function sensorRoutes(s: ApiServices, limited: MiddlewareHandler): Hono {
  const app = new Hono();
  app.get('/', limited, async (c) => {
    const filter = parseSensorFilter(c.req.query(), MAX_SENSOR_PAGE);
    const page = await s.reader.listSensors(filter);
    const body: SensorListResponse = {
      sensors: page.items,
      count: page.items.length,
      filter,
      pagination: {
        limit: filter.limit ?? 50,
        next_cursor: page.next_cursor,
        has_more: page.next_cursor !== null,
      },
      timestamp: s.now().toISOString(),
    };
    return c.json(body);
  });
  app.get('/:id', async (c) => {
    const sensor = await s.reader.getSensor(sensorIdOf(c.req.param('id')));
    if (!sensor)
      throw new ApiError(404, 'not_found', 'no such sensor (unknown, or silent longer than its state lives)');
    return c.json({ sensor, timestamp: s.now().toISOString() } satisfies SensorResponse);
  });
  app.get('/:id/history', limited, async (c) => {
    const id = sensorIdOf(c.req.param('id'));
    const points = await s.reader.getSensorHistory(id);
    if (points.length === 0 && !(await s.reader.getSensor(id)))
      throw new ApiError(404, 'not_found', 'no such sensor (unknown, or silent longer than its state lives)');
    const body: SensorHistoryResponse = {
      sensor_id: id,
      bucket_ms: s.store.historyBucketMs,
      points,
      timestamp: s.now().toISOString(),
    };
    return c.json(body);
  });
  return app;
}
