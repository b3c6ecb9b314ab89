/**
 * Reads the profiles the optimizer needs from the store: the id index page by page (500 at a time)
 * and each listed sensor's history, so a pass over 100,000 sensors is a few hundred bounded round
 * trips that yield to the event loop between pages, never a keyspace scan.
 */
import { MAX_PAGE_SIZE, type StoreReader } from '../store/store-reader.ts';
import { profileOf, type SensorProfile } from './sensor-profile.ts';

export interface CollectOptions {
  /** Stop after this many sensors (bounds the work of one pass). */
  readonly maxSensors: number;
  /** Width of one history point, ms (the store's `historyBucketMs`). */
  readonly bucketMs: number;
}

/** Profiles of up to `maxSensors` sensors in id order. */
export async function collectProfiles(
  reader: StoreReader,
  options: CollectOptions,
): Promise<SensorProfile[]> {
  const profiles: SensorProfile[] = [];
  let cursor: string | undefined;
  while (profiles.length < options.maxSensors) {
    const limit = Math.min(MAX_PAGE_SIZE, options.maxSensors - profiles.length);
    const page = await reader.listSensors({ limit, ...(cursor === undefined ? {} : { cursor }) });
    const histories = await Promise.all(page.items.map((s) => reader.getSensorHistory(s.sensor_id)));
    page.items.forEach((state, i) => {
      profiles.push(profileOf(state, histories[i] ?? [], options.bucketMs));
    });
    if (page.next_cursor === null) break;
    cursor = page.next_cursor;
  }
  return profiles;
}
