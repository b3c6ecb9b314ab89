/**
 * How the store lays out and ages its data. Built once (from `ProcessConfig` or defaults), frozen and
 * passed to the writer, the sweeper and the readers, which must agree on it.
 */
import { createKeys, type RedisKeys } from './keys.ts';

export interface StoreOptions {
  readonly keys: RedisKeys;
  /**
   * Life of a sensor's state, history and index entries after its last reading (at least: the hash
   * TTL is refreshed with the index refresh, so it may live up to `indexRefreshMs` longer).
   */
  readonly sensorTtlMs: number;
  /** Silence after which a sensor is marked offline. */
  readonly offlineAfterMs: number;
  /**
   * A sensor's location and type index scores are refreshed at most this often (its status score
   * with every reading, which offline detection needs); trimming only needs them within the TTL.
   */
  readonly indexRefreshMs: number;
  /** Width of one per-sensor history bucket. */
  readonly historyBucketMs: number;
  /** Buckets kept per sensor (the newest is still filling). */
  readonly historyPoints: number;
  /** Width of one fleet history entry. */
  readonly fleetBucketMs: number;
  /** How long fleet history entries are kept. */
  readonly fleetRetentionMs: number;
  /** Approximate cap of the alert stream. */
  readonly alertsMaxLen: number;
  /** Life of a producer's heartbeat hash (three heartbeat intervals). */
  readonly heartbeatTtlMs: number;
  /** How long a producer that stopped sending stays listed as disconnected. */
  readonly producerRetentionMs: number;
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = Object.freeze({
  keys: createKeys(),
  sensorTtlMs: 600_000,
  offlineAfterMs: 3_000,
  indexRefreshMs: 30_000,
  historyBucketMs: 120_000,
  historyPoints: 27,
  fleetBucketMs: 10_000,
  fleetRetentionMs: 7 * 24 * 3600_000,
  alertsMaxLen: 10_000,
  heartbeatTtlMs: 6_000,
  producerRetentionMs: 24 * 3600_000,
});

/** Defaults with some options replaced; `prefix` rebuilds the key names. */
export function storeOptions(
  overrides: Partial<StoreOptions> & { readonly prefix?: string } = {},
): StoreOptions {
  const { prefix, ...rest } = overrides;
  return Object.freeze({
    ...DEFAULT_STORE_OPTIONS,
    ...(prefix === undefined ? {} : { keys: createKeys(prefix) }),
    ...rest,
  });
}

/** The settings store options are made from (the processor's; `serve` must use the same values). */
export interface StoreSettings {
  readonly keyPrefix: string;
  readonly sensorTtlSeconds: number;
  readonly sensorIntervalMs: number;
  readonly offlineAfterIntervals: number;
  readonly historyBucketMs: number;
  readonly historyPoints: number;
  readonly fleetHistoryDays: number;
  readonly alertsMax: number;
  readonly heartbeatIntervalMs: number;
}

/** Store options from configuration. */
export function storeOptionsFrom(settings: StoreSettings): StoreOptions {
  return storeOptions({
    prefix: settings.keyPrefix,
    sensorTtlMs: settings.sensorTtlSeconds * 1000,
    offlineAfterMs: settings.offlineAfterIntervals * settings.sensorIntervalMs,
    historyBucketMs: settings.historyBucketMs,
    historyPoints: settings.historyPoints,
    fleetRetentionMs: settings.fleetHistoryDays * 24 * 3600_000,
    alertsMaxLen: settings.alertsMax,
    heartbeatTtlMs: 3 * settings.heartbeatIntervalMs,
  });
}
