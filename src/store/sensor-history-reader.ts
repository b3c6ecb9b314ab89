/** Reads a sensor's downsampled history: the open bucket from its hash, the closed ones from its ring. */
import type { Redis } from 'ioredis';
import { decodeSensorHistory, type SensorHistoryPoint } from './sensor-history-codec.ts';
import type { StoreOptions } from './store-options.ts';

/** Points oldest first; empty when the sensor is unknown or expired. One round trip. */
export async function readSensorHistory(
  redis: Redis,
  options: StoreOptions,
  sensorId: string,
): Promise<SensorHistoryPoint[]> {
  const [[, open], [, ring]] = (await redis
    .pipeline()
    .hgetBuffer(options.keys.sensor(sensorId), '_h')
    .getBuffer(options.keys.sensorHistory(sensorId))
    .exec()) as [[Error | null, Buffer | null], [Error | null, Buffer | null]];
  return decodeSensorHistory(open, ring, {
    bucketMs: options.historyBucketMs,
    points: options.historyPoints,
  });
}
