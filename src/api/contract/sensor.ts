/**
 * A sensor as the API and the WebSocket show it: the latest enriched reading kept in Redis. The same
 * shape everywhere (REST, `initial_data`, `realtime_update`, `critical_alert`), so the dashboard
 * never translates field names (the system we replace renamed and dropped fields between them).
 */

/** Health of a sensor; `offline` means it stopped reporting. */
export type SensorStatus = 'normal' | 'warning' | 'critical' | 'offline';
export const SENSOR_STATUS_VALUES: readonly SensorStatus[] = ['normal', 'warning', 'critical', 'offline'];

export type DeviceType =
  | 'motor'
  | 'compressor'
  | 'conveyor'
  | 'furnace'
  | 'pump'
  | 'generator'
  | 'cooling_tower';
export const DEVICE_TYPE_VALUES: readonly DeviceType[] = [
  'motor',
  'compressor',
  'conveyor',
  'furnace',
  'pump',
  'generator',
  'cooling_tower',
];

/** Latest state of one sensor. Measured values are `null` when the sensor has no such channel. */
export interface Sensor {
  readonly sensor_id: string;
  /** Reading time, ISO-8601 UTC with Z. */
  readonly ts: string;
  /** Strictly increasing per sensor. */
  readonly seq: number;
  readonly device_type: DeviceType;
  readonly location: string;
  /** A */
  readonly current: number | null;
  /** V */
  readonly voltage: number | null;
  readonly power_factor: number | null;
  /** kW, instantaneous */
  readonly power_kw: number | null;
  /** kWh, the cumulative meter */
  readonly energy_kwh: number | null;
  /** °C */
  readonly temperature: number | null;
  /** bar */
  readonly pressure: number | null;
  /** mm/s RMS */
  readonly vibration: number | null;
  readonly producer_host: string;
  /** Further channels, e.g. a pump's `flow_rate`. */
  readonly extra?: Readonly<Record<string, number>>;
  /** Ground truth of the simulator (the anomaly kind injected), null for real data. */
  readonly injected: string | null;
  /** 0..1; 0.5 is the calibrated threshold. */
  readonly anomaly_score: number;
  readonly is_anomaly: boolean;
  /** 0..1, monotone in the evidence. */
  readonly failure_probability: number;
  readonly status: SensorStatus;
  /** Human-readable explanations, e.g. "temperature 4.1σ above its baseline of 40.1 °C for 3 min". */
  readonly reasons: readonly string[];
  /** Which model scored it, e.g. `motor@3`, `rules`, `warmup`. */
  readonly model_version: string;
  /** When the processor stored it, ISO-8601 UTC. */
  readonly processed_at: string;
}

/** One downsampled point of a sensor's recent history (means over the bucket). */
export interface SensorHistoryPoint {
  /** Start of the bucket, ISO-8601 UTC. */
  readonly ts: string;
  readonly readings: number;
  readonly worst_status: SensorStatus;
  readonly max_anomaly_score: number;
  readonly power_kw: number | null;
  readonly current: number | null;
  readonly temperature: number | null;
  readonly pressure: number | null;
  readonly vibration: number | null;
}
