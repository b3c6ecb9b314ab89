/**
 * Which sensors a client looks at: the query of `GET /api/sensors` and the `filter` of a WebSocket
 * `subscribe` message are the same object, so a dashboard view is one value for both.
 */
import type { DeviceType, SensorStatus } from './sensor.ts';

export const MAX_SENSOR_PAGE = 500;
export const DEFAULT_SENSOR_PAGE = 50;
/** A WebSocket view is smaller than a REST page: it is re-sent (changed sensors) every tick. */
export const MAX_WS_VIEW = 200;

export interface SensorFilter {
  readonly status?: SensorStatus;
  /** Exact location, e.g. `floor_a`. */
  readonly location?: string;
  readonly type?: DeviceType;
  /** Sensor ids starting with this text (letters, digits, `_ . : -`). */
  readonly text?: string;
  /** Page size: 1..500 on REST (default 50), 1..200 on the WebSocket (default 50). */
  readonly limit?: number;
  /** `next_cursor` of the previous page: opaque, pass it back as received. */
  readonly cursor?: string;
}
