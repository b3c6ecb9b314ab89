/** The `StoreReader` over Redis: each method is a few round trips against the indexes. */
import type { Redis } from 'ioredis';
import { SENSOR_ID_PATTERN } from '../domain/reading.ts';
import { acknowledgeAlert, listAlerts } from './alerts-reader.ts';
import { readFleetHistory } from './fleet-history-reader.ts';
import { parseFleetStats } from './fleet-stats.ts';
import { listSensorIds, listSensors, readSensorStates } from './list-sensors.ts';
import { readLocationHealth } from './location-health-reader.ts';
import { listProducers } from './producers-reader.ts';
import { parseQualityCounts } from './quality-counts.ts';
import { decodeSensorHash } from './sensor-hash.ts';
import { readSensorHistory } from './sensor-history-reader.ts';
import { readSensorVersions } from './sensor-versions.ts';
import type { StoreOptions } from './store-options.ts';
import type { StoreReader } from './store-reader.ts';

const ID = new RegExp(SENSOR_ID_PATTERN);

/** A reader on `redis` for the store laid out by `store`; `now` is only for the producer retention. */
export function createRedisStoreReader(
  redis: Redis,
  store: StoreOptions,
  now: () => Date = () => new Date(),
): StoreReader {
  const { keys } = store;
  return {
    async getSensor(sensorId) {
      if (!ID.test(sensorId)) return null;
      return decodeSensorHash(await redis.hgetall(keys.sensor(sensorId)));
    },
    listSensors: (query) => listSensors(redis, store, query),
    listSensorIds: (query) => listSensorIds(redis, store, query),
    getSensorVersions: async (ids) => {
      const valid = ids.map((id) => ID.test(id));
      const versions = await readSensorVersions(
        redis,
        store,
        ids.filter((_, i) => valid[i]),
      );
      return valid.map((ok) => (ok ? (versions.shift() ?? null) : null));
    },
    getSensors: (ids) =>
      readSensorStates(
        redis,
        store,
        ids.filter((id) => ID.test(id)),
      ),
    getFleetStats: async () => parseFleetStats(await redis.hgetall(keys.stats)),
    getFleetHistory: (query) => readFleetHistory(redis, store, query),
    getSensorHistory: async (sensorId) =>
      ID.test(sensorId) ? readSensorHistory(redis, store, sensorId) : [],
    listAlerts: (query) => listAlerts(redis, store, query),
    acknowledgeAlert: (alertId, by, at = now()) => acknowledgeAlert(redis, store, alertId, by, at),
    listProducers: () => listProducers(redis, store, now()),
    getQuality: async () => parseQualityCounts(await redis.hgetall(keys.quality)),
    listLocations: () => redis.zrange(keys.locations, '0', '-1'),
    getLocationHealth: () => readLocationHealth(redis, store),
  };
}
