/**
 * Lists sensors in id order with cursor pagination, from the indexes only. Every status, location and
 * type set has an id-ordered mirror (score 0, see index-updates.ts), so:
 *
 *  - no filter: a range of the id index (`ww:sensors`), O(log N + page);
 *  - one filter: a range of that filter's mirror, O(log N + page), however few sensors match;
 *  - several filters: when fewer than `smallIntersection` sensors match them all (ZINTERCARD with a
 *    LIMIT, which stops counting there), the intersection is read whole with ZINTER, already in id
 *    order; otherwise matches are dense enough to walk the smallest mirror in id order in batches,
 *    checking the others with ZMSCORE, with a bounded budget per call (a page may then come back
 *    short, with a cursor to continue);
 *  - text: an id prefix, which narrows the id range in every case.
 *
 * States are then read with one pipelined HMGET of the public fields per listed sensor. Work per call is bounded by the
 * page size and the walk budget, whatever the fleet size.
 */
import type { Redis } from 'ioredis';
import { SENSOR_ID_PATTERN } from '../domain/reading.ts';
import type { SensorState } from '../domain/sensor-state.ts';
import { repliesOf } from './pipeline-replies.ts';
import { decodeSensorFields, SENSOR_FIELDS } from './sensor-hash.ts';
import type { StoreOptions } from './store-options.ts';
import { StoreQueryError } from './store-query-error.ts';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SensorIdPage,
  type SensorListQuery,
  type SensorPage,
} from './store-reader.ts';

export interface ListTuning {
  /** Several filters matching fewer sensors than this are intersected in Redis and read whole. */
  readonly smallIntersection: number;
  /** Ids checked per step of a walk over the smallest filter. */
  readonly scanBatch: number;
  /** Steps of the walk per call. */
  readonly scanBudget: number;
}

export const DEFAULT_LIST_TUNING: ListTuning = Object.freeze({
  smallIntersection: 1_000,
  scanBatch: 2_000,
  scanBudget: 10,
});
const ID = new RegExp(SENSOR_ID_PATTERN);
const ID_PREFIX = /^[A-Za-z0-9_.:-]{0,64}$/;
/** Sorts after every id (ids are ASCII). */
const AFTER_ALL = '\u00ff';

/** One page of sensors matching `query`. */
export async function listSensors(
  redis: Redis,
  store: StoreOptions,
  query: SensorListQuery = {},
  tuning: ListTuning = DEFAULT_LIST_TUNING,
): Promise<SensorPage> {
  const { ids, next_cursor } = await listSensorIds(redis, store, query, tuning);
  return { items: await readSensorStates(redis, store, ids), next_cursor };
}

/** The ids of the page `listSensors` would answer, from the indexes alone. */
export async function listSensorIds(
  redis: Redis,
  store: StoreOptions,
  query: SensorListQuery = {},
  tuning: ListTuning = DEFAULT_LIST_TUNING,
): Promise<SensorIdPage> {
  const { keys } = store;
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)));
  const text = query.text ?? '';
  if (!ID_PREFIX.test(text))
    throw new StoreQueryError('bad_text', 'text must be an id prefix: letters, digits, _ . : -');
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const filters = [
    query.status && keys.statusIds(query.status),
    query.location && keys.locationIds(query.location),
    query.type && keys.typeIds(query.type),
  ].filter((key): key is string => Boolean(key));
  const found =
    filters.length <= 1
      ? await idRange(redis, filters[0] ?? keys.sensors, text, after, limit)
      : await intersection(redis, filters, text, after, limit, tuning);
  return { ids: found.ids, next_cursor: found.next === null ? null : encodeCursor(found.next) };
}

interface Found {
  readonly ids: string[];
  /** Resume after this id; null when the listing is complete. */
  readonly next: string | null;
}

function rangeStart(text: string, after: string | null): string {
  if (after !== null && after >= text) return `(${after}`;
  return text === '' ? '-' : `[${text}`;
}

const rangeEnd = (text: string) => (text === '' ? '+' : `[${text}${AFTER_ALL}`);

async function idRange(
  redis: Redis,
  index: string,
  text: string,
  after: string | null,
  limit: number,
): Promise<Found> {
  const ids = await redis.zrangebylex(index, rangeStart(text, after), rangeEnd(text), 'LIMIT', 0, limit + 1);
  const page = ids.slice(0, limit);
  return { ids: page, next: ids.length > limit ? (page.at(-1) ?? null) : null };
}

/** Walks the smallest of `filters` (id-ordered mirrors) in id order, keeping ids in all the others. */
async function intersection(
  redis: Redis,
  filters: readonly string[],
  text: string,
  after: string | null,
  limit: number,
  tuning: ListTuning,
): Promise<Found> {
  const counting = redis.pipeline();
  for (const key of filters) counting.zcard(key);
  counting.call('ZINTERCARD', filters.length, ...filters, 'LIMIT', tuning.smallIntersection);
  const counts = repliesOf(await counting.exec(), 'list') as number[];
  const sizes = counts.slice(0, filters.length);
  const matches = counts.at(-1) as number;
  if (matches === 0) return { ids: [], next: null };
  if (matches < tuning.smallIntersection) {
    // scores are all 0, so the intersection comes back in id order
    const all = await redis.zinter(filters.length, ...filters);
    const ids = all.filter((id) => id.startsWith(text) && (after === null || id > after));
    const page = ids.slice(0, limit);
    return { ids: page, next: ids.length > limit ? (page.at(-1) ?? null) : null };
  }
  const smallest = sizes.indexOf(Math.min(...sizes));
  const source = filters[smallest] as string;
  const others = filters.filter((_, i) => i !== smallest);
  const matching: string[] = [];
  let start = rangeStart(text, after);
  for (let step = 0; step < tuning.scanBudget; step++) {
    const batch = await redis.zrangebylex(source, start, rangeEnd(text), 'LIMIT', 0, tuning.scanBatch);
    for (const id of await inAll(redis, others, batch)) {
      matching.push(id);
      if (matching.length === limit + 1) {
        const page = matching.slice(0, limit);
        return { ids: page, next: page.at(-1) ?? null };
      }
    }
    if (batch.length < tuning.scanBatch) return { ids: matching, next: null };
    start = `(${batch.at(-1)}`;
  }
  // budget spent: return what was found and continue from the last id looked at
  return { ids: matching, next: start.slice(1) };
}

/** The ids of `ids` that are members of every set in `sets`. */
async function inAll(redis: Redis, sets: readonly string[], ids: readonly string[]): Promise<string[]> {
  if (sets.length === 0 || ids.length === 0) return [...ids];
  const pipeline = redis.pipeline();
  for (const key of sets) pipeline.zmscore(key, ...ids);
  const scores = repliesOf(await pipeline.exec(), 'list') as (string | null)[][];
  return ids.filter((_, i) => scores.every((perSet) => perSet[i] !== null));
}

/** The states of `ids` that exist, in the order given (one pipelined HMGET of the public fields each). */
export async function readSensorStates(
  redis: Redis,
  store: StoreOptions,
  ids: readonly string[],
): Promise<SensorState[]> {
  if (ids.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hmget(store.keys.sensor(id), ...SENSOR_FIELDS);
  const replies = repliesOf(await pipeline.exec(), 'list') as (string | null)[][];
  // an id whose state expired a moment ago is skipped; the sweeper takes it out of the indexes
  return replies.map(decodeSensorFields).filter((state): state is SensorState => state !== null);
}

/** Cursors are opaque to clients: base64url of the last id. */
export function encodeCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

/** The id a cursor stands for; throws `StoreQueryError` for anything `encodeCursor` did not make. */
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!ID.test(id) || encodeCursor(id) !== cursor)
    throw new StoreQueryError('bad_cursor', 'cursor is not valid');
  return id;
}
