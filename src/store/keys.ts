/**
 * Every Redis key and channel name, built in this one module. Per-sensor keys put the sensor id in
 * a `{hash tag}` so a Redis Cluster keeps all of one sensor's keys in one slot and no command ever
 * needs keys of two sensors. The two companion hashes that a fleet-level Lua script updates together
 * with `stats` or `alerts` carry that key's full name as their hash tag, so each script still touches
 * a single slot. The id-ordered index mirrors share one hash tag, so the API may intersect them.
 */
import type { DeviceType } from '../domain/device-type.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';

export interface RedisKeys {
  readonly prefix: string;
  /** Hash: latest enriched reading (TTL). */
  sensor(sensorId: string): string;
  /** Sorted set: sensor ids in this status, scored by last update (ms). */
  status(status: SensorStatus): string;
  /** Sorted set, every score 0: all known sensor ids in lexicographic order (paging, prefix search). */
  readonly sensors: string;
  /** Sorted set, every score 0: the ids of `status(status)` in id order (filtered paging); all mirrors share one slot. */
  statusIds(status: SensorStatus): string;
  /**
   * Sorted set, every score 0: the sensors at this location, in id order (DESIGN's `by-location` set,
   * in the mirrors' slot; nothing needs its members' update times, see docs/architecture.md).
   */
  locationIds(location: string): string;
  /** Sorted set, every score 0: the sensors of this device type, in id order (DESIGN's `by-type` set). */
  typeIds(deviceType: DeviceType): string;
  /** Sorted set: known locations, scored by their last update (ms). */
  readonly locations: string;
  /** Hash: fleet aggregates. */
  readonly stats: string;
  /** Hash in the slot of `stats`: what the fleet aggregates have accounted per sensor. */
  readonly statsLedger: string;
  /** Stream: one fleet aggregate per 10 s, entry id = bucket start (ms). */
  readonly fleetHistory: string;
  /** String: per-sensor downsampled points (binary ring, see sensor-history-codec.ts). */
  sensorHistory(sensorId: string): string;
  /** Stream: alert events. */
  readonly alerts: string;
  /** Hash in the slot of `alerts`: per-sensor alert bookkeeping, recoveries and acknowledgements. */
  readonly alertState: string;
  /** Hash: a producer's last heartbeat (TTL). */
  producer(producerId: string): string;
  /** Sorted set: producer ids by last heartbeat (ms). */
  readonly producers: string;
  /** Current model of a device type. */
  model(deviceType: DeviceType): string;
  /** Hash: detection counts against ground truth. */
  readonly quality: string;
  /** Hash: each processor's consumer backlog age (consumer-backlog.ts), which the offline sweep allows for. */
  readonly backlog: string;
  /** String with a TTL: which processor runs the offline sweep now. */
  readonly sweepLease: string;
  /** Pub/sub channel of batch notices for `serve`. */
  readonly events: string;
}

export const DEFAULT_KEY_PREFIX = 'ww:';

/** Key names under `prefix` (default `ww:`). */
export function createKeys(prefix: string = DEFAULT_KEY_PREFIX): RedisKeys {
  const stats = `${prefix}stats`;
  const alerts = `${prefix}alerts`;
  const ids = `${prefix}ids`;
  return Object.freeze({
    prefix,
    sensor: (id: string) => `${prefix}sensor:{${id}}`,
    status: remembered((status: SensorStatus) => `${prefix}status:${status}`),
    sensors: `${prefix}sensors`,
    statusIds: remembered((status: SensorStatus) => `${ids}:status:${status}{${ids}}`),
    locationIds: remembered((location: string) => `${ids}:location:${location}{${ids}}`),
    typeIds: remembered((type: DeviceType) => `${ids}:type:${type}{${ids}}`),
    locations: `${prefix}locations`,
    stats,
    statsLedger: `${stats}:ledger{${stats}}`,
    fleetHistory: `${prefix}history:fleet`,
    sensorHistory: (id: string) => `${prefix}history:{${id}}`,
    alerts,
    alertState: `${alerts}:state{${alerts}}`,
    producer: (id: string) => `${prefix}producer:${id}`,
    producers: `${prefix}producers`,
    model: (type: DeviceType) => `${prefix}model:${type}`,
    quality: `${prefix}quality`,
    backlog: `${prefix}backlog`,
    sweepLease: `${prefix}lease:sweeper`,
    events: `${prefix}events`,
  });
}

/**
 * `name` with its results kept: the writer asks for the same few index keys for every reading, and
 * handing back one string each time (already hashed by V8) spares building and hashing a new one.
 * Bounded, in case a fleet has very many locations.
 */
function remembered<T extends string>(name: (part: T) => string, limit = 1024): (part: T) => string {
  const known = new Map<T, string>();
  return (part) => {
    let key = known.get(part);
    if (key === undefined) {
      key = name(part);
      if (known.size < limit) known.set(part, key);
    }
    return key;
  };
}
