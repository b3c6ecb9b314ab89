/**
 * What the API reads from the store: one interface, implemented over Redis by
 * `createRedisStoreReader`. Every call is bounded (limits, page sizes, points) and answers from the
 * indexes in a few round trips, never by scanning the keyspace. Acknowledging an alert is the one
 * write the API makes, so it lives here too.
 */
import type { Alert } from '../domain/alert.ts';
import type { DeviceType } from '../domain/device-type.ts';
import type { SensorState } from '../domain/sensor-state.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';
import type { FleetStats } from './fleet-stats.ts';
import type { LocationHealth } from './location-health-reader.ts';
import type { SensorHistoryPoint } from './sensor-history-codec.ts';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_HISTORY_POINTS = 1000;

export interface SensorListQuery {
  readonly status?: SensorStatus;
  readonly location?: string;
  readonly type?: DeviceType;
  /** Sensor ids starting with this text (case-sensitive, as ids are). */
  readonly text?: string;
  /** `next_cursor` of the previous page. */
  readonly cursor?: string;
  /** 1..500, default 50. */
  readonly limit?: number;
}

/** A page of sensors in id order. A page may hold fewer than `limit` items and still have a next one. */
export interface SensorPage {
  readonly items: SensorState[];
  readonly next_cursor: string | null;
}

/** The ids of a page of sensors, without their states. */
export interface SensorIdPage {
  readonly ids: string[];
  readonly next_cursor: string | null;
}

export interface FleetHistoryQuery {
  readonly from: Date;
  readonly to: Date;
  /** At most this many points, evenly spread over the range: 1..1000, default 360. */
  readonly points?: number;
}

/** Fleet aggregates at one moment; `*_delta` are the changes since the previous point returned. */
export interface FleetHistoryPoint extends Omit<FleetStats, 'updated_at'> {
  readonly ts: string;
  readonly readings_delta: number;
  readonly anomalies_delta: number;
  readonly energy_kwh_delta: number;
}

export interface AlertListQuery {
  readonly cursor?: string;
  /** 1..500, default 50. */
  readonly limit?: number;
}

export interface AlertPage {
  /** Newest first. */
  readonly items: Alert[];
  readonly next_cursor: string | null;
}

export type AckResult = 'acknowledged' | 'already_acknowledged' | 'not_found';

export interface ProducerStatus {
  readonly producer_id: string;
  /** False once its heartbeat hash expired (three missed heartbeats). */
  readonly connected: boolean;
  /** When its last heartbeat was received, ISO-8601 UTC. */
  readonly last_seen: string;
  /** From the last heartbeat while connected. */
  readonly host?: string;
  readonly ts?: string;
  readonly sensors?: number;
  readonly rate_hz?: number;
  readonly sent_total?: number;
}

export interface OutcomeCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

/** Injected anomaly episodes of one kind, how many were detected, and how late on average. */
export interface EpisodeCounts {
  readonly episodes: number;
  readonly detected: number;
  /** From the episode's first reading to its first flagged one; null before any detection. */
  readonly mean_delay_ms: number | null;
  readonly mean_delay_readings: number | null;
}

export interface QualityCounts {
  /** Per anomaly kind (and `none` for clean readings). */
  readonly by_kind: Readonly<Record<string, OutcomeCounts>>;
  /** Per anomaly kind: episodes and detection delay. */
  readonly episodes: Readonly<Record<string, EpisodeCounts>>;
  readonly total: OutcomeCounts;
  /** tp / (tp + fp), null without any flagged reading. */
  readonly precision: number | null;
  /** tp / (tp + fn), null without any anomalous reading. */
  readonly recall: number | null;
}

export interface StoreReader {
  /** A sensor's latest state, or null when unknown or expired. */
  getSensor(sensorId: string): Promise<SensorState | null>;
  listSensors(query?: SensorListQuery): Promise<SensorPage>;
  /** The ids `listSensors` would list, from the indexes alone (no state read). */
  listSensorIds(query?: SensorListQuery): Promise<SensorIdPage>;
  /**
   * Per id, a token that changes whenever the sensor's stored state does, or null when it has none:
   * a cheap "what changed" check, equal to `sensorVersionOf` of the state stored at that moment.
   */
  getSensorVersions(ids: readonly string[]): Promise<(string | null)[]>;
  /** The latest states of those `ids` that exist, in the order given. */
  getSensors(ids: readonly string[]): Promise<SensorState[]>;
  getFleetStats(): Promise<FleetStats>;
  getFleetHistory(query: FleetHistoryQuery): Promise<FleetHistoryPoint[]>;
  getSensorHistory(sensorId: string): Promise<SensorHistoryPoint[]>;
  listAlerts(query?: AlertListQuery): Promise<AlertPage>;
  acknowledgeAlert(alertId: string, by: string, at?: Date): Promise<AckResult>;
  /** Producers heard from within the retention, most recent first (at most 1000). */
  listProducers(): Promise<ProducerStatus[]>;
  getQuality(): Promise<QualityCounts>;
  /** Locations with live sensors, for filter menus. */
  listLocations(): Promise<string[]>;
  /** Sensors per location counted by status (locations without sensors left out). */
  getLocationHealth(): Promise<LocationHealth[]>;
}
