/**
 * Sensors per location and status, for the dashboard's factory floor. One pipeline: the size of each
 * location's index and ZINTERCARD of it with the small status sets (warning, critical, offline; the
 * id-ordered mirrors, which share one cluster slot); normal is the rest, so the big normal set is
 * never intersected.
 */
import type { Redis } from 'ioredis';
import { repliesOf } from './pipeline-replies.ts';
import type { StoreOptions } from './store-options.ts';

export interface LocationHealth {
  readonly location: string;
  readonly sensors: number;
  readonly normal: number;
  readonly warning: number;
  readonly critical: number;
  readonly offline: number;
}

const COUNTED = ['warning', 'critical', 'offline'] as const;

/** Every known location with its sensors counted by status, in location order. */
export async function readLocationHealth(redis: Redis, store: StoreOptions): Promise<LocationHealth[]> {
  const { keys } = store;
  const locations = (await redis.zrange(keys.locations, '0', '-1')).sort();
  if (locations.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const location of locations) {
    pipeline.zcard(keys.locationIds(location));
    for (const status of COUNTED) pipeline.zintercard(2, keys.statusIds(status), keys.locationIds(location));
  }
  const counts = repliesOf(await pipeline.exec(), 'location health') as number[];
  const width = COUNTED.length + 1;
  return locations
    .map((location, i) => {
      const [sensors = 0, warning = 0, critical = 0, offline = 0] = counts.slice(i * width, (i + 1) * width);
      return {
        location,
        sensors,
        normal: Math.max(0, sensors - warning - critical - offline),
        warning,
        critical,
        offline,
      };
    })
    .filter((l) => l.sensors > 0);
}
