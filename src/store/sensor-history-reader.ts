/** Reads a sensor's downsampled history (the ring, see sensor-history-codec.ts). */
import type { Redis } from 'ioredis';
import { decodeSensorHistory, type SensorHistoryPoint } from './sensor-history-codec.ts';
import type { StoreOptions } from './store-options.ts';

/** Points oldest first; empty when the sensor is unknown or expired. One round trip. */
export async function readSensorHistory(
  redis: Redis,
  options: StoreOptions,
  sensorId: string,
): Promise<SensorHistoryPoint[]> {
  const ring = await redis.getBuffer(options.keys.sensorHistory(sensorId));
  return decodeSensorHistory(ring, { bucketMs: options.historyBucketMs, points: options.historyPoints });
}
