/**
 * Phase 2 index commands for a set of sensor snapshots, batched into one variadic command per key:
 * ZADD GT into the sensor's status set (always) and its location and type sets (when the apply
 * script asks for a refresh), so a late or replayed write never lowers a score; ZREM from the sets it
 * left (for a replayed sensor, from every other set, as a crash may have hidden what it left); the id
 * into the lexicographic index when the sensor is new. Every command is idempotent, so a replayed
 * chunk re-asserts the same memberships.
 *
 * Each status, location and type set has an id-ordered mirror (score 0) that the API pages through
 * with ZRANGEBYLEX: the mirror gains the id whenever the scored set's location and type scores are
 * refreshed (on any change, on a repair, and at least once per index refresh interval, which also
 * fills the mirrors of a store written before they existed) and loses it with every ZREM above.
 */
import type { ChainableCommander } from 'ioredis';
import { DEVICE_TYPES } from '../domain/device-type.ts';
import type { RedisKeys } from './keys.ts';
import { otherStatuses, type SensorSnapshot } from './sensor-snapshot.ts';

type Members = (string | number)[];

/**
 * Appends the index commands for `snapshots` to `pipeline`; returns how many were queued.
 * `knownLocations` (the `locations` index) is needed only when some snapshot is a repair: a crash
 * may have hidden a location change, so a repaired sensor is removed from every other location.
 */
export function queueIndexUpdates(
  pipeline: ChainableCommander,
  keys: RedisKeys,
  snapshots: Iterable<SensorSnapshot>,
  knownLocations: readonly string[] = [],
): number {
  const add = new Map<string, Members>();
  const remove = new Map<string, string[]>();
  const lex: Members = [];
  const locations = new Map<string, number>();
  // one list per key, grown in place: this runs for every reading
  const listOf = <T>(map: Map<string, T[]>, key: string): T[] => {
    let list = map.get(key);
    if (list === undefined) {
      list = [];
      map.set(key, list);
    }
    return list;
  };
  const scoreIn = (key: string, score: number, id: string) => {
    const list = listOf(add, key);
    list.push(score, id);
  };
  const leave = (key: string, id: string) => listOf(remove, key).push(id);
  for (const s of snapshots) {
    scoreIn(keys.status(s.status), s.processedMs, s.id);
    if (s.touch || s.repair) {
      scoreIn(keys.statusIds(s.status), 0, s.id);
      scoreIn(keys.locationIds(s.location), 0, s.id);
      scoreIn(keys.typeIds(s.deviceType), 0, s.id);
    }
    const leftStatuses = s.repair ? otherStatuses(s.status) : (s.formerStatuses ?? []);
    // a status set the sensor left loses it, and so does that set's id-ordered mirror
    for (const status of leftStatuses) {
      if (status === s.status) continue;
      leave(keys.status(status), s.id);
      leave(keys.statusIds(status), s.id);
    }
    const leftLocations = s.repair ? knownLocations : (s.formerLocations ?? []);
    for (const location of leftLocations)
      if (location !== s.location) leave(keys.locationIds(location), s.id);
    const leftTypes = s.repair ? DEVICE_TYPES : (s.formerTypes ?? []);
    for (const type of leftTypes) if (type !== s.deviceType) leave(keys.typeIds(type), s.id);
    if (s.created || s.repair) lex.push(0, s.id);
    locations.set(s.location, Math.max(locations.get(s.location) ?? 0, s.processedMs));
  }
  let queued = 0;
  for (const [key, members] of add) {
    pipeline.zadd(key, 'GT', ...members);
    queued++;
  }
  for (const [key, ids] of remove) {
    pipeline.zrem(key, ...ids);
    queued++;
  }
  if (lex.length > 0) {
    pipeline.zadd(keys.sensors, 'NX', ...lex);
    queued++;
  }
  if (locations.size > 0) {
    pipeline.zadd(keys.locations, 'GT', ...[...locations].flatMap(([location, ms]) => [ms, location]));
    queued++;
  }
  return queued;
}
