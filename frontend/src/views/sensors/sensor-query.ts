/** The Sensors tab's filter lives in the URL (?status=&location=&type=&text=&sensor=), so a view can be shared. */
import {
  DEVICE_TYPE_VALUES,
  type DeviceType,
  SENSOR_STATUS_VALUES,
  type SensorFilter,
  type SensorStatus,
} from '../../contract.ts';

export interface SensorQuery {
  readonly filter: SensorFilter;
  /** The sensor whose drawer is open. */
  readonly selected: string | null;
}

export function sensorQueryOf(params: URLSearchParams): SensorQuery {
  const status = params.get('status');
  const type = params.get('type');
  const location = params.get('location');
  const text = params.get('text');
  const filter: { -readonly [K in keyof SensorFilter]: SensorFilter[K] } = {};
  if (status && (SENSOR_STATUS_VALUES as readonly string[]).includes(status))
    filter.status = status as SensorStatus;
  if (type && (DEVICE_TYPE_VALUES as readonly string[]).includes(type)) filter.type = type as DeviceType;
  if (location) filter.location = location;
  if (text) filter.text = text;
  return { filter, selected: params.get('sensor') };
}

/** A stable key of a filter (same filter, same key), for effects and caches. */
export function filterKey(filter: SensorFilter): string {
  return JSON.stringify([filter.status ?? '', filter.location ?? '', filter.type ?? '', filter.text ?? '']);
}
