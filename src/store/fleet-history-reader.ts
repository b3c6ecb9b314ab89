/**
 * Reads the fleet history for a time range as at most `points` points. A short range is read
 * directly; a long one (up to the 7-day retention is 60,480 entries) is sampled: one `XRANGE start +
 * COUNT 1` per point, pipelined, each O(log N). Entries carry running totals and instantaneous
 * values, so sampling loses no counts: the deltas between returned points are exact.
 */
import type { Redis } from 'ioredis';
import { FLEET_HISTORY_FIELDS } from './fleet-history-writer.ts';
import { repliesOf } from './pipeline-replies.ts';
import type { StoreOptions } from './store-options.ts';
import { StoreQueryError } from './store-query-error.ts';
import { type FleetHistoryPoint, type FleetHistoryQuery, MAX_HISTORY_POINTS } from './store-reader.ts';

const DEFAULT_POINTS = 360;
type Entry = [string, string[]];

/** Points oldest first. */
export async function readFleetHistory(
  redis: Redis,
  store: StoreOptions,
  query: FleetHistoryQuery,
): Promise<FleetHistoryPoint[]> {
  const from = query.from.getTime();
  const to = query.to.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to) || from > to) {
    throw new StoreQueryError('bad_range', 'from must be a time before to');
  }
  const points = Math.max(1, Math.min(MAX_HISTORY_POINTS, Math.floor(query.points ?? DEFAULT_POINTS)));
  const key = store.keys.fleetHistory;
  let entries: Entry[];
  if ((to - from) / store.fleetBucketMs <= points) {
    entries = (await redis.xrange(key, String(from), String(to), 'COUNT', points)) as Entry[];
  } else {
    const step = (to - from) / points;
    const pipeline = redis.pipeline();
    for (let i = 0; i < points; i++)
      pipeline.xrange(key, String(Math.floor(from + i * step)), String(to), 'COUNT', 1);
    const seen = new Set<string>();
    entries = (repliesOf(await pipeline.exec(), 'history') as Entry[][])
      .flat()
      .filter(([id]) => !seen.has(id) && seen.add(id) !== undefined);
  }
  return entries.map(toPoint).map((point, i, all) => withDeltas(point, all[i - 1]));
}

type Totals = Omit<FleetHistoryPoint, 'readings_delta' | 'anomalies_delta' | 'energy_kwh_delta'>;

function toPoint([id, fields]: Entry): Totals {
  const values: Record<string, number> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) values[fields[i] as string] = Number(fields[i + 1]);
  const at = Number(id.split('-')[0]);
  const point: Record<string, number | string> = { ts: new Date(at).toISOString() };
  for (const field of FLEET_HISTORY_FIELDS) point[field] = values[field] ?? 0;
  return point as unknown as Totals;
}

function withDeltas(point: Totals, previous: Totals | undefined): FleetHistoryPoint {
  const delta = (field: 'readings' | 'anomalies' | 'energy_kwh') =>
    previous ? Math.max(0, Math.round((point[field] - previous[field]) * 1e6) / 1e6) : 0;
  return {
    ...point,
    readings_delta: delta('readings'),
    anomalies_delta: delta('anomalies'),
    energy_kwh_delta: delta('energy_kwh'),
  };
}
