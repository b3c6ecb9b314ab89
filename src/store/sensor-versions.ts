/**
 * Cheap change tokens for sensors: seq, status and processed_at of the stored state, three short
 * fields per sensor instead of its whole hash, so a WebSocket tick can tell which sensors of a view
 * changed and read only those states. Any write (a reading, a replayed repair, the sweeper marking
 * it offline) changes at least one of the three.
 */
import type { Redis } from 'ioredis';
import type { SensorState } from '../domain/sensor-state.ts';
import { repliesOf } from './pipeline-replies.ts';
import type { StoreOptions } from './store-options.ts';

/** The token `readSensorVersions` answers for a sensor whose stored state is `state`. */
export function sensorVersionOf(state: Pick<SensorState, 'seq' | 'status' | 'processed_at'>): string {
  return `${state.seq}|${state.status}|${state.processed_at}`;
}

/** Per id, its token, or null when it has no stored state. */
export async function readSensorVersions(
  redis: Redis,
  store: StoreOptions,
  ids: readonly string[],
): Promise<(string | null)[]> {
  if (ids.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hmget(store.keys.sensor(id), 'seq', 'status', 'processed_at');
  const fields = repliesOf(await pipeline.exec(), 'versions') as (string | null)[][];
  return fields.map(([seq, status, processedAt]) =>
    seq === null || seq === undefined || !status || !processedAt ? null : `${seq}|${status}|${processedAt}`,
  );
}
