/** The OpenAPI 3.1 document served at `/api/openapi.json`, built from the same schemas tests validate responses with. */
import { DEVICE_TYPE_VALUES, SENSOR_STATUS_VALUES } from '../contract/sensor.ts';
import { MAX_SENSOR_PAGE } from '../contract/sensor-filter.ts';
import * as S from './schemas.ts';

export const SCHEMAS = {
  Sensor: S.SensorSchema,
  Error: S.ErrorSchema,
  SensorList: S.SensorListSchema,
  SensorResponse: S.SensorResponseSchema,
  SensorHistory: S.SensorHistorySchema,
  DashboardStats: S.DashboardStatsSchema,
  ProducerStatus: S.ProducerStatusSchema,
  EnergyRealtime: S.EnergyRealtimeSchema,
  AlertList: S.AlertListSchema,
  Ack: S.AckSchema,
  Suggestions: S.SuggestionsSchema,
  AnalyticsHistory: S.AnalyticsHistorySchema,
  Quality: S.QualitySchema,
  Locations: S.LocationsSchema,
  LocationHealth: S.LocationHealthSchema,
  ServiceInfo: S.ServiceInfoSchema,
  Health: S.HealthSchema,
  Ready: S.ReadySchema,
} as const;

type SchemaName = keyof typeof SCHEMAS;

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: SchemaName, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string) => json('Error', description);

interface Param {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly description: string;
  readonly schema: Record<string, unknown>;
}
const q = (name: string, description: string, schema: Record<string, unknown>): Param => ({
  name,
  in: 'query',
  description,
  schema,
});
const path = (name: string, description: string): Param => ({
  name,
  in: 'path',
  description,
  schema: { type: 'string' },
});

const filterParams = (maxLimit: number): Param[] => [
  q('status', 'sensor status', { type: 'string', enum: SENSOR_STATUS_VALUES }),
  q('location', 'exact location id', { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }),
  q('type', 'device type', { type: 'string', enum: DEVICE_TYPE_VALUES }),
  q('text', 'sensor id prefix', { type: 'string', maxLength: 64 }),
  q('limit', 'page size', { type: 'integer', minimum: 1, maximum: maxLimit, default: 50 }),
  q('cursor', 'next_cursor of the previous page', { type: 'string' }),
];

function get(
  summary: string,
  schema: SchemaName,
  parameters: Param[] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    get: {
      summary,
      parameters,
      responses: {
        200: json(schema, 'OK'),
        400: error('invalid parameter'),
        401: error('token missing or wrong'),
        ...extra,
      },
    },
  };
}

const limited = { 429: error('rate limited; see Retry-After') };

/** The document; `version` is the server's. */
export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'wattwatch API',
      version,
      description:
        'Live state of an energy sensor fleet, read from Redis. Errors are {error: {code, message}}. ' +
        'With API_TOKEN set every /api route needs "Authorization: Bearer <token>"; mutations always do. ' +
        'The WebSocket protocol (/ws) is described in src/api/contract/ws-messages.ts.',
    },
    components: {
      schemas: SCHEMAS,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{ bearer: [] }, {}],
    paths: {
      '/': get('service information (when no dashboard is built)', 'ServiceInfo'),
      '/health': get('liveness and Redis connectivity (503 when Redis is down)', 'Health', [], {
        503: json('Health', 'unhealthy'),
      }),
      '/ready': get('readiness for a load balancer (503 while stopping)', 'Ready', [], {
        503: json('Ready', 'not ready'),
      }),
      '/metrics': {
        get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text exposition format' } } },
      },
      '/api/sensors': get(
        'sensors in id order, filtered, cursor-paginated',
        'SensorList',
        filterParams(MAX_SENSOR_PAGE),
        limited,
      ),
      '/api/sensors/{id}': get('one sensor', 'SensorResponse', [path('id', 'sensor id')], {
        404: error('unknown sensor'),
      }),
      '/api/sensors/{id}/history': get(
        'recent downsampled history of one sensor',
        'SensorHistory',
        [path('id', 'sensor id')],
        {
          404: error('unknown sensor'),
          ...limited,
        },
      ),
      '/api/dashboard/stats': get(
        'fleet aggregates, ingest rate and cost of the current power',
        'DashboardStats',
      ),
      '/api/energy-data/realtime': get(
        'a page of sensors with stats and producer status',
        'EnergyRealtime',
        filterParams(MAX_SENSOR_PAGE),
        limited,
      ),
      '/api/producer/status': get('producer liveness from heartbeats', 'ProducerStatus'),
      '/api/alerts': get('alerts, newest first', 'AlertList', [
        q('limit', 'page size', { type: 'integer', minimum: 1, maximum: MAX_SENSOR_PAGE, default: 50 }),
        q('cursor', 'next_cursor of the previous page', { type: 'string' }),
      ]),
      '/api/alerts/{id}/ack': {
        post: {
          summary: 'acknowledge an alert (needs the token; refused with 403 when none is configured)',
          parameters: [path('id', 'alert id')],
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: { type: 'object', properties: { by: { type: 'string', maxLength: 64 } } },
              },
            },
          },
          responses: {
            200: json('Ack', 'acknowledged (or already was)'),
            400: error('invalid id or body'),
            401: error('token missing or wrong'),
            403: error('mutations disabled: no API_TOKEN configured'),
            404: error('unknown alert'),
          },
        },
      },
      '/api/optimization/suggestions': get(
        'energy-saving suggestions',
        'Suggestions',
        [q('limit', 'suggestions returned', { type: 'integer', minimum: 1, maximum: 100, default: 10 })],
        limited,
      ),
      '/api/analytics/history': get(
        'fleet history from the stored stream, downsampled',
        'AnalyticsHistory',
        [
          q('hours', 'range ending now (up to the retention)', { type: 'integer', minimum: 1, default: 24 }),
          q('points', 'at most this many points', {
            type: 'integer',
            minimum: 2,
            maximum: 1000,
            default: 288,
          }),
        ],
        limited,
      ),
      '/api/quality': get('detection counts against ground truth', 'Quality'),
      '/api/locations': get('locations with live sensors and the device types', 'Locations'),
      '/api/locations/health': get('sensors per location counted by status', 'LocationHealth'),
      '/api/openapi.json': {
        get: { summary: 'this document', responses: { 200: { description: 'OpenAPI 3.1' } } },
      },
    },
  };
}
