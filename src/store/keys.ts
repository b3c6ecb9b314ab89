/**
 * Every Redis key and channel name, built in this one module. Per-sensor keys put the sensor id in
 * a `{hash tag}` so a Redis Cluster keeps all of one sensor's keys in one slot and no command ever
 * needs keys of two sensors.
 */
import type { DeviceType } from '../domain/device-type.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';

export interface RedisKeys {
  readonly prefix: string;
  /** Hash: latest enriched reading (TTL). */
  sensor(sensorId: string): string;
  /** Sorted set: sensor ids in this status, scored by last update (ms). */
  status(status: SensorStatus): string;
  /** Sorted set: sensor ids at this location, scored by last update (ms). */
  byLocation(location: string): string;
  /** Sorted set: sensor ids of this device type, scored by last update (ms). */
  byType(deviceType: DeviceType): string;
  /** Hash: fleet aggregates. */
  readonly stats: string;
  /** Stream: one fleet aggregate per 10 s. */
  readonly fleetHistory: string;
  /** Per-sensor downsampled history. */
  sensorHistory(sensorId: string): string;
  /** Stream: alert events. */
  readonly alerts: string;
  /** Hash: a producer's last heartbeat (TTL). */
  producer(producerId: string): string;
  /** Current model of a device type. */
  model(deviceType: DeviceType): string;
  /** Hash: detection counts against ground truth. */
  readonly quality: string;
  /** Pub/sub channel of batch notices for `serve`. */
  readonly events: string;
}

export const DEFAULT_KEY_PREFIX = 'ww:';

/** Key names under `prefix` (default `ww:`). */
export function createKeys(prefix: string = DEFAULT_KEY_PREFIX): RedisKeys {
  return Object.freeze({
    prefix,
    sensor: (id: string) => `${prefix}sensor:{${id}}`,
    status: (status: SensorStatus) => `${prefix}status:${status}`,
    byLocation: (location: string) => `${prefix}by-location:${location}`,
    byType: (type: DeviceType) => `${prefix}by-type:${type}`,
    stats: `${prefix}stats`,
    fleetHistory: `${prefix}history:fleet`,
    sensorHistory: (id: string) => `${prefix}history:{${id}}`,
    alerts: `${prefix}alerts`,
    producer: (id: string) => `${prefix}producer:${id}`,
    model: (type: DeviceType) => `${prefix}model:${type}`,
    quality: `${prefix}quality`,
    events: `${prefix}events`,
  });
}
