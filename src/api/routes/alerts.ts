/** `/api/alerts`: newest first with cursor paging; `POST /api/alerts/:id/ack` (token required). */
import { Hono, type MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.ts';
import type { ApiServices } from '../api-services.ts';
import type { AckResponse, AlertListResponse } from '../contract/rest.ts';
import { MAX_SENSOR_PAGE } from '../contract/sensor-filter.ts';
import { intParam, textParam } from '../params.ts';

const ALERT_ID = /^\d{1,20}-\d{1,20}$/;
const BY = /^[\x20-\x7e]{1,64}$/;

export function alertRoutes(s: ApiServices, mutation: MiddlewareHandler): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const query = c.req.query();
    const limit = intParam(query, 'limit', 1, MAX_SENSOR_PAGE, 50);
    const cursor = textParam(query, 'cursor', ALERT_ID, 'a next_cursor value as returned');
    const page = await s.reader.listAlerts({ limit, ...(cursor ? { cursor } : {}) });
    const body: AlertListResponse = {
      alerts: page.items,
      count: page.items.length,
      pagination: { limit, next_cursor: page.next_cursor, has_more: page.next_cursor !== null },
      timestamp: s.now().toISOString(),
    };
    return c.json(body);
  });
  app.post('/:id/ack', mutation, async (c) => {
    const id = c.req.param('id');
    if (!ALERT_ID.test(id))
      throw new ApiError(400, 'bad_parameter', 'alert id must look like 1732252800123-0');
    const by = await ackedBy(c.req.header('content-type'), () => c.req.text());
    const result = await s.reader.acknowledgeAlert(id, by, s.now());
    if (result === 'not_found') throw new ApiError(404, 'not_found', 'no such alert (unknown or trimmed)');
    return c.json({ alert_id: id, result, timestamp: s.now().toISOString() } satisfies AckResponse);
  });
  return app;
}

/** Who acknowledges: `{"by": "..."}` when a JSON body is sent, else `api`. */
async function ackedBy(contentType: string | undefined, text: () => Promise<string>): Promise<string> {
  const raw = await text();
  if (raw.trim() === '') return 'api';
  if (!contentType?.toLowerCase().startsWith('application/json'))
    throw new ApiError(
      400,
      'bad_body',
      'send no body, or JSON {"by": "<name>"} with Content-Type application/json',
    );
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'bad_body', 'body is not valid JSON');
  }
  const by = (body as { by?: unknown } | null)?.by;
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    (by !== undefined && (typeof by !== 'string' || !BY.test(by)))
  )
    throw new ApiError(400, 'bad_body', 'body must be {"by": "<1–64 printable characters>"}');
  return (by as string | undefined) ?? 'api';
}
