/** Parses and validates a `SensorFilter` from query parameters (REST) or a `subscribe` message (WebSocket). */
import { ApiError } from './api-error.ts';
import { DEVICE_TYPE_VALUES, SENSOR_STATUS_VALUES } from './contract/sensor.ts';
import { DEFAULT_SENSOR_PAGE, type SensorFilter } from './contract/sensor-filter.ts';
import { enumParam, intParam, type Query, textParam } from './params.ts';

const LOCATION = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const ID_PREFIX = /^[A-Za-z0-9_.:-]{1,64}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,128}$/;

/** A filter from string values; `maxLimit` is 500 for REST pages and 200 for WebSocket views. */
export function parseSensorFilter(query: Query, maxLimit: number): SensorFilter {
  const status = enumParam(query, 'status', SENSOR_STATUS_VALUES);
  const type = enumParam(query, 'type', DEVICE_TYPE_VALUES);
  const location = textParam(query, 'location', LOCATION, 'a location id (lower-case letters, digits, _ -)');
  const text = textParam(query, 'text', ID_PREFIX, 'a sensor id prefix (letters, digits, _ . : -)');
  const cursor = textParam(query, 'cursor', CURSOR, 'a next_cursor value as returned');
  const limit = intParam(query, 'limit', 1, maxLimit, DEFAULT_SENSOR_PAGE);
  return {
    ...(status ? { status } : {}),
    ...(location ? { location } : {}),
    ...(type ? { type } : {}),
    ...(text ? { text } : {}),
    limit,
    ...(cursor ? { cursor } : {}),
  };
}

/** A filter from a client's JSON `filter` value (numbers stay numbers; anything else is refused). */
export function filterFromJson(value: unknown, maxLimit: number): SensorFilter {
  if (value === undefined || value === null) return parseSensorFilter({}, maxLimit);
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ApiError(400, 'bad_parameter', 'filter must be an object');
  const query: Record<string, string> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    if (key === 'limit' && typeof v === 'number' && Number.isInteger(v)) query.limit = String(v);
    else if (typeof v === 'string') query[key] = v;
    else throw new ApiError(400, 'bad_parameter', `filter.${key} has the wrong type`);
  }
  return parseSensorFilter(query, maxLimit);
}

/** A stable key per distinct filter: clients with equal keys share one computation per tick. */
export function filterKey(filter: SensorFilter): string {
  return [filter.status, filter.location, filter.type, filter.text, filter.limit, filter.cursor]
    .map((v) => v ?? '')
    .join('\u0001');
}
