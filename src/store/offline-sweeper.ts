/**
 * The offline sweep, run periodically by every processor (one at a time, under a lease; without it
 * the sweep would still be correct, only repeated):
 *
 *  1. sensors whose status-set score (last update) is older than `offlineAfterMs` are marked offline
 *     by an atomic per-sensor script that re-checks the silence, so a reading landing meanwhile wins;
 *     the fleet aggregates, status sets and open alerts follow through the same phase 2 as a chunk;
 *  2. sensors whose state has expired (TTL after their last reading) are removed from every index
 *     (the id-ordered mirrors too), the ledger and the alert state; the locations and producers
 *     indexes are trimmed by score;
 *  3. recoveries and acknowledgements of alerts trimmed from the capped stream are deleted (a page
 *     per sweep);
 *  4. the fleet history gets its entry for the current bucket even when no readings flow.
 */
import type { Redis } from 'ioredis';
import { DEVICE_TYPES, type DeviceType } from '../domain/device-type.ts';
import { SENSOR_STATUSES, type SensorStatus } from '../domain/sensor-status.ts';
import { createAlertStateTrimmer } from './alert-state-trimmer.ts';
import { shareBacklog } from './consumer-backlog.ts';
import type { FleetHistoryWriter } from './fleet-history-writer.ts';
import { type FleetStats, parseFleetStats } from './fleet-stats.ts';
import { runPhaseTwo } from './phase-two.ts';
import { repliesOf } from './pipeline-replies.ts';
import {
  type AlertCandidate,
  type SensorSnapshot,
  snapshotOfStored,
  splitLine,
  storedStateOf,
} from './sensor-snapshot.ts';
import type { StoreOptions } from './store-options.ts';
import { registerStoreScripts } from './store-scripts.ts';

export interface OfflineSweeperOptions {
  readonly store: StoreOptions;
  readonly fleetHistory: FleetHistoryWriter;
  /** Identity of this processor for the lease. */
  readonly owner: string;
  /** Lease length; another processor takes over this long after the holder stopped sweeping. */
  readonly leaseMs: number;
  /** Sensors handled per step; a sweep continues until done or `maxBatches` steps. */
  readonly batch?: number;
  readonly maxBatches?: number;
  readonly now?: () => Date;
}

export interface SweepResult {
  /** False when another processor holds the lease. */
  readonly ran: boolean;
  readonly markedOffline: number;
  readonly expired: number;
  /** The largest consumer backlog (ms) of the group that this sweep allowed for. */
  readonly backlogMs: number;
}

export interface OfflineSweeper {
  /**
   * Reports this processor's consumer backlog age (ms, backlog-tracker.ts) and, when this processor
   * holds the lease, sweeps: a sensor counts as silent after `offlineAfterMs` plus the largest
   * backlog any processor reported, so a consumer catching up does not flap its sensors offline.
   */
  sweep(backlogMs?: number): Promise<SweepResult>;
}

/** A sweeper on `redis`. */
export function createOfflineSweeper(redis: Redis, options: OfflineSweeperOptions): OfflineSweeper {
  registerStoreScripts(redis);
  const { keys } = options.store;
  const now = options.now ?? (() => new Date());
  const batch = options.batch ?? 500;
  const maxBatches = options.maxBatches ?? 20;
  const alertState = createAlertStateTrimmer(redis, options.store);
  return {
    async sweep(ownBacklogMs = 0) {
      const at = now();
      const backlogMs = await shareBacklog(redis, keys, {
        owner: options.owner,
        lagMs: ownBacklogMs,
        atMs: at.getTime(),
        freshMs: options.leaseMs,
      });
      if (!(await holdLease(redis, keys.sweepLease, options.owner, options.leaseMs))) {
        return { ran: false, markedOffline: 0, expired: 0, backlogMs };
      }
      const silentBefore = at.getTime() - options.store.offlineAfterMs - backlogMs;
      let markedOffline = 0;
      let fleet: FleetStats | null = null;
      for (let step = 0; step < maxBatches; step++) {
        const marked = await markSilent(redis, options.store, at, silentBefore, batch);
        markedOffline += marked.count;
        fleet = marked.fleet ?? fleet;
        if (!marked.more) break;
      }
      let expired = 0;
      for (let step = 0; step < maxBatches; step++) {
        const removed = await removeExpired(redis, options.store, at, batch);
        expired += removed.count;
        fleet = removed.fleet ?? fleet;
        if (!removed.more) break;
      }
      await trimByScore(redis, options.store, at);
      await alertState.trimPage();
      fleet ??= parseFleetStats(await redis.hgetall(keys.stats));
      await options.fleetHistory.record(fleet, at.getTime());
      return { ran: true, markedOffline, expired, backlogMs };
    },
  };
}

async function holdLease(redis: Redis, key: string, owner: string, leaseMs: number): Promise<boolean> {
  if ((await redis.set(key, owner, 'PX', leaseMs, 'NX')) === 'OK') return true;
  // ours already: extend it (compare and extend in one step, so a lease another took is left alone)
  const extended = await redis.eval(
    "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0",
    1,
    key,
    owner,
    leaseMs,
  );
  return extended === 1;
}

interface StepResult {
  readonly count: number;
  readonly more: boolean;
  readonly fleet: FleetStats | null;
}

/** Marks up to `batch` sensors per status offline that were last processed before `cutoff` (ms). */
async function markSilent(
  redis: Redis,
  store: StoreOptions,
  at: Date,
  cutoff: number,
  batch: number,
): Promise<StepResult> {
  const { keys } = store;
  const lookup = redis.pipeline();
  const online = SENSOR_STATUSES.filter((s) => s !== 'offline');
  for (const status of online)
    lookup.zrangebyscore(keys.status(status), '-inf', `(${cutoff}`, 'LIMIT', 0, batch);
  const ids = [...new Set((repliesOf(await lookup.exec(), 'sweep lookup') as string[][]).flat())];
  if (ids.length === 0) return { count: 0, more: false, fleet: null };
  const marking = redis.pipeline();
  for (const id of ids) marking.wwMarkOffline(keys.sensor(id), new Date(cutoff).toISOString());
  const replies = repliesOf(await marking.exec(), 'mark offline') as string[];
  const snapshots: SensorSnapshot[] = [];
  const candidates: AlertCandidate[] = [];
  let count = 0;
  replies.forEach((line, i) => {
    const id = ids[i] as string;
    if (line === '-1') return; // expired: removeExpired takes it out of the indexes
    const stored = storedStateOf(splitLine(line, 14));
    const snapshot = snapshotOfStored(id, stored);
    if (line.startsWith('1|')) {
      count++;
      snapshot.status = 'offline';
      if (stored.status === 'critical') {
        candidates.push([
          id,
          String(stored.ep),
          stored.nc,
          'offline',
          String(stored.seq),
          at.toISOString(),
          stored.reasons,
        ]);
      }
    }
    snapshots.push(snapshot);
  });
  if (snapshots.length === 0) return { count, more: ids.length >= batch, fleet: null };
  const notice = JSON.stringify({ type: 'sweep', ts: at.toISOString(), offline: count });
  const { fleet } = await runPhaseTwo(redis, store, { snapshots, candidates, notice, at });
  await healReturned(
    redis,
    store,
    snapshots.filter((s) => s.status === 'offline').map((s) => s.id),
  );
  return { count, more: ids.length >= batch, fleet };
}

/**
 * Takes sensors that are no longer offline out of the offline set and its mirror. The race it heals:
 * the sweep marked a sensor offline, its next reading moved it back, and that chunk's index pipeline
 * ran before the sweep's, which then re-added it to the offline set. Checking after the sweep's own
 * pipeline catches every such sensor, so the writers need not remove every reporting sensor from
 * the offline set on every reading.
 */
export async function healReturned(redis: Redis, store: StoreOptions, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { keys } = store;
  const read = redis.pipeline();
  for (const id of ids) read.hget(keys.sensor(id), 'status');
  const statuses = repliesOf(await read.exec(), 'offline check') as (string | null)[];
  const returned = ids.filter((_, i) => statuses[i] !== null && statuses[i] !== 'offline');
  if (returned.length === 0) return;
  repliesOf(
    await redis
      .pipeline()
      .zrem(keys.status('offline'), ...returned)
      .zrem(keys.statusIds('offline'), ...returned)
      .exec(),
    'offline heal',
  );
}

/** Removes up to `batch` sensors whose state expired from every index, the ledger and the alert state. */
async function removeExpired(
  redis: Redis,
  store: StoreOptions,
  at: Date,
  batch: number,
): Promise<StepResult> {
  const { keys } = store;
  const cutoff = at.getTime() - store.sensorTtlMs;
  const lookup = redis.pipeline();
  for (const status of SENSOR_STATUSES)
    lookup.zrangebyscore(keys.status(status), '-inf', `(${cutoff}`, 'LIMIT', 0, batch);
  const candidates = [...new Set((repliesOf(await lookup.exec(), 'expiry lookup') as string[][]).flat())];
  if (candidates.length === 0) return { count: 0, more: false, fleet: null };
  const gone = await missing(redis, store, candidates);
  if (gone.length === 0) return { count: 0, more: false, fleet: null };
  // the location of an expired sensor is gone with its state: it leaves every known location's mirror
  const locations = await redis.zrange(keys.locations, '0', '-1');
  const removal = redis.pipeline();
  for (const status of SENSOR_STATUSES) removal.zrem(keys.status(status), ...gone);
  for (const status of SENSOR_STATUSES) removal.zrem(keys.statusIds(status), ...gone);
  for (const location of locations) removal.zrem(keys.locationIds(location), ...gone);
  for (const type of DEVICE_TYPES) removal.zrem(keys.typeIds(type), ...gone);
  removal.zrem(keys.sensors, ...gone);
  removal.wwStatsLedger(keys.stats, keys.statsLedger, 'forget', at.getTime(), cutoff, ...gone);
  const results = repliesOf(await removal.exec(), 'expiry');
  const ledger = results.at(-1) as [number, string[], unknown[]];
  const forgotten = ledger[1].map((entry) => splitLine(entry, 2)[0] as string);
  if (forgotten.length > 0) await redis.hdel(keys.alertState, ...forgotten.map((id) => `s:${id}`));
  // a reading may have brought a sensor back while it was being removed, and its phase 2 may have
  // run before the removal: put such sensors back from their state
  const returned = await present(redis, store, gone);
  if (returned.length > 0) await restore(redis, store, returned);
  return {
    count: gone.length - returned.length,
    more: candidates.length >= batch,
    fleet: parseFleetStats(ledger[2]),
  };
}

async function missing(redis: Redis, store: StoreOptions, ids: readonly string[]): Promise<string[]> {
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.exists(store.keys.sensor(id));
  const exists = repliesOf(await pipeline.exec(), 'exists') as number[];
  return ids.filter((_, i) => exists[i] === 0);
}

async function present(redis: Redis, store: StoreOptions, ids: readonly string[]): Promise<string[]> {
  const gone = new Set(await missing(redis, store, ids));
  return ids.filter((id) => !gone.has(id));
}

async function restore(redis: Redis, store: StoreOptions, ids: readonly string[]): Promise<void> {
  const { keys } = store;
  const read = redis.pipeline();
  for (const id of ids) read.hmget(keys.sensor(id), 'status', 'processed_at', 'location', 'device_type');
  const states = repliesOf(await read.exec(), 'restore') as (string | null)[][];
  const write = redis.pipeline();
  states.forEach(([status, processedAt, location, type], i) => {
    const id = ids[i] as string;
    const score = Date.parse(processedAt ?? '') || 0;
    if (status) write.zadd(keys.status(status as SensorStatus), 'GT', score, id);
    if (status) write.zadd(keys.statusIds(status as SensorStatus), 0, id);
    if (location) write.zadd(keys.locationIds(location), 0, id);
    if (type) write.zadd(keys.typeIds(type as DeviceType), 0, id);
    write.zadd(keys.sensors, 'NX', 0, id);
  });
  repliesOf(await write.exec(), 'restore');
}

/**
 * The locations and producers indexes keep only members updated within their lifetime. (Sensors
 * leave the location and type sets when their state expires, in removeExpired.)
 */
async function trimByScore(redis: Redis, store: StoreOptions, at: Date): Promise<void> {
  const { keys } = store;
  repliesOf(
    await redis
      .pipeline()
      .zremrangebyscore(keys.locations, '-inf', `(${at.getTime() - store.sensorTtlMs}`)
      .zremrangebyscore(keys.producers, '-inf', `(${at.getTime() - store.producerRetentionMs}`)
      .exec(),
    'trim',
  );
}
