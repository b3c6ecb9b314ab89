/**
 * Response bodies of the REST API (`GET` unless said). Every body carries `timestamp` (ISO-8601 UTC,
 * when the server answered). Energy is kWh, power kW, money in `currency`.
 */
import type { DeviceType, Sensor, SensorHistoryPoint, SensorStatus } from './sensor.ts';
import type { SensorFilter } from './sensor-filter.ts';
import type { Suggestion, TariffInfo } from './suggestion.ts';

/** `GET /` when no dashboard is built, as the system we replace answered. */
export interface ServiceInfo {
  readonly message: string;
  readonly service: 'wattwatch';
  readonly version: string;
  readonly status: 'running';
  readonly endpoints: Readonly<Record<string, string>>;
  readonly timestamp: string;
}

/** `GET /health` (200, or 503 with `status: 'unhealthy'`). */
export interface HealthResponse {
  readonly status: 'healthy' | 'unhealthy';
  readonly redis: 'connected' | 'disconnected';
  readonly uptime_s: number;
  readonly timestamp: string;
}

/** `GET /ready` (200 when Redis answers and the server is not stopping, else 503). */
export interface ReadyResponse {
  readonly ready: boolean;
  readonly timestamp: string;
}

export interface Pagination {
  readonly limit: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly next_cursor: string | null;
  readonly has_more: boolean;
}

/** `GET /api/sensors?status&location&type&text&limit&cursor`, sensors in id order. */
export interface SensorListResponse {
  readonly sensors: readonly Sensor[];
  /** Sensors in this page (a page may be short and still have a next one). */
  readonly count: number;
  readonly filter: SensorFilter;
  readonly pagination: Pagination;
  readonly timestamp: string;
}

/** `GET /api/sensors/:id` */
export interface SensorResponse {
  readonly sensor: Sensor;
  readonly timestamp: string;
}

/** `GET /api/sensors/:id/history`: the recent downsampled points, oldest first. */
export interface SensorHistoryResponse {
  readonly sensor_id: string;
  /** Width of one point. */
  readonly bucket_ms: number;
  readonly points: readonly SensorHistoryPoint[];
  readonly timestamp: string;
}

/** `GET /api/dashboard/stats`: fleet aggregates kept by the processors. */
export interface DashboardStats {
  /** Sensors known (online or offline). */
  readonly total_sensors: number;
  readonly online_sensors: number;
  readonly status_normal: number;
  readonly status_warning: number;
  readonly status_critical: number;
  readonly status_offline: number;
  /** Sum of every online sensor's latest power. */
  readonly total_power_kw: number;
  /** total_power_kw / online_sensors; 0 without online sensors. */
  readonly average_power_kw: number;
  /** Energy metered since the store began (sum of meter increases). */
  readonly total_energy_kwh: number;
  /** Readings stored since the store began. */
  readonly total_readings: number;
  /** Of those, flagged anomalous by detection. */
  readonly anomaly_count: number;
  /** Readings per second over the last fleet-history interval; null before two entries exist. */
  readonly readings_per_second: number | null;
  /** normal / online × 100; null without online sensors. */
  readonly healthy_percent: number | null;
  /** Tariff now, per kWh, and the cost of the fleet's current power for one hour. */
  readonly tariff_period: 'off_peak' | 'shoulder' | 'on_peak';
  readonly current_rate: number;
  readonly cost_per_hour: number;
  readonly currency: string;
  /** When the aggregates last changed; null before any reading. */
  readonly updated_at: string | null;
  readonly timestamp: string;
}

/** Producer liveness from heartbeats (`ww:producer:*`, TTL of three heartbeats). */
export interface ProducerInfo {
  readonly producer_id: string;
  readonly connected: boolean;
  /** Last heartbeat received, ISO-8601 UTC. */
  readonly last_seen: string;
  readonly host?: string;
  readonly sensors?: number;
  readonly rate_hz?: number;
  readonly sent_total?: number;
}

/** `GET /api/producer/status`; the first three fields keep the seed's names. */
export interface ProducerStatusResponse {
  /** At least one producer's heartbeat is live. */
  readonly is_active: boolean;
  /** Newest heartbeat of any producer; null when none was ever heard (within the retention). */
  readonly last_data_time: string | null;
  /** Seconds since then; null with it. */
  readonly time_since_last_data: number | null;
  readonly producers: readonly ProducerInfo[];
  readonly timestamp: string;
}

/** `GET /api/energy-data/realtime?<sensor filter>`: one page of sensors with the fleet picture. */
export interface EnergyRealtimeResponse {
  readonly sensors: readonly Sensor[];
  readonly stats: DashboardStats;
  readonly producer_status: ProducerStatusResponse;
  readonly pagination: Pagination;
  readonly timestamp: string;
}

export interface AlertItem {
  /** Stream id, e.g. `1732252800123-0`; use it to acknowledge. */
  readonly id: string;
  readonly sensor_id: string;
  readonly severity: 'warning' | 'critical';
  readonly reasons: readonly string[];
  /** Reading time of the transition. */
  readonly ts: string;
  readonly seq?: number;
  readonly ack: boolean;
  readonly acked_at?: string;
  readonly acked_by?: string;
  readonly recovered_at?: string;
  readonly recovered_status?: SensorStatus;
}

/** `GET /api/alerts?limit&cursor`, newest first. */
export interface AlertListResponse {
  readonly alerts: readonly AlertItem[];
  readonly count: number;
  readonly pagination: Pagination;
  readonly timestamp: string;
}

/** `POST /api/alerts/:id/ack` with optional body `{by}`; 404 when the alert is unknown. */
export interface AckResponse {
  readonly alert_id: string;
  readonly result: 'acknowledged' | 'already_acknowledged';
  readonly timestamp: string;
}

/** `GET /api/optimization/suggestions?limit` */
export interface SuggestionsResponse {
  readonly suggestions: readonly Suggestion[];
  /** Suggestions found before `limit` was applied. */
  readonly total_generated: number;
  /** When the optimizer last ran (it reruns in the background; results are reused meanwhile). */
  readonly generated_at: string;
  /** Sensors the run looked at. */
  readonly sensors_analyzed: number;
  readonly tariff: TariffInfo;
  readonly timestamp: string;
}

/** One point of `GET /api/analytics/history`: the interval since the previous point. */
export interface AnalyticsPoint {
  readonly timestamp: string;
  /** Energy metered during the interval (0 for the first point). */
  readonly energy_kwh: number;
  /** energy_kwh at the tariff rate of the interval's start (local time zone). */
  readonly cost: number;
  /** Fleet power at the point. */
  readonly power_kw: number;
  /** Sensors not offline at the point. */
  readonly active_sensors: number;
  readonly readings: number;
  readonly anomalies: number;
  readonly status_warning: number;
  readonly status_critical: number;
  readonly status_offline: number;
}

/** `GET /api/analytics/history?hours=1..max&points=2..1000`: real fleet history, downsampled. */
export interface AnalyticsHistoryResponse {
  readonly history: readonly AnalyticsPoint[];
  readonly time_range: { readonly start: string; readonly end: string };
  readonly hours: number;
  readonly currency: string;
  readonly timestamp: string;
}

/** Detection counts against the simulator's ground truth. */
export interface OutcomeCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

/** Injected episodes of one anomaly kind, how many were detected and how late on average. */
export interface EpisodeCounts {
  readonly episodes: number;
  readonly detected: number;
  /** From the episode's first reading to its first flagged one; null before any detection. */
  readonly mean_delay_ms: number | null;
  readonly mean_delay_readings: number | null;
}

/** `GET /api/quality` */
export interface QualityResponse {
  readonly by_kind: Readonly<Record<string, OutcomeCounts>>;
  /** Per anomaly kind: episodes and detection delay. */
  readonly episodes: Readonly<Record<string, EpisodeCounts>>;
  readonly total: OutcomeCounts;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly timestamp: string;
}

/** Sensors of one location counted by status. */
export interface LocationHealthItem {
  readonly location: string;
  readonly sensors: number;
  readonly normal: number;
  readonly warning: number;
  readonly critical: number;
  readonly offline: number;
  /** normal / (sensors − offline) × 100; null when none is online. */
  readonly healthy_percent: number | null;
}

/** `GET /api/locations/health`: every location with sensors, for the factory floor view. */
export interface LocationHealthResponse {
  readonly locations: readonly LocationHealthItem[];
  readonly timestamp: string;
}

/** `GET /api/locations`: locations with live sensors, for filter menus. */
export interface LocationsResponse {
  readonly locations: readonly string[];
  readonly device_types: readonly DeviceType[];
  readonly timestamp: string;
}
