/**
 * What the optimizer knows about one sensor: its latest state plus its average power over the
 * recent history (the store's per-sensor buckets), from which energy is integrated as kW × hours.
 */

import type { DeviceType } from '../domain/device-type.ts';
import type { SensorState } from '../domain/sensor-state.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';
import type { SensorHistoryPoint } from '../store/sensor-history-codec.ts';

export interface SensorProfile {
  readonly sensor_id: string;
  readonly device_type: DeviceType;
  readonly location: string;
  readonly status: SensorStatus;
  readonly failure_probability: number;
  readonly anomaly_score: number;
  readonly is_anomaly: boolean;
  readonly reasons: readonly string[];
  /** Mean power over the history window (readings-weighted bucket means), kW; null without power. */
  readonly avg_power_kw: number | null;
  /** Minutes of history behind avg_power_kw (0 when it is the latest reading alone). */
  readonly window_minutes: number;
}

/** A profile from a state and its history points (oldest first); `bucketMs` is the point width. */
export function profileOf(
  state: SensorState,
  history: readonly SensorHistoryPoint[],
  bucketMs: number,
): SensorProfile {
  let weighted = 0;
  let readings = 0;
  for (const point of history) {
    if (point.power_kw === null || point.readings <= 0) continue;
    weighted += point.power_kw * point.readings;
    readings += point.readings;
  }
  const fromHistory = readings > 0;
  return {
    sensor_id: state.sensor_id,
    device_type: state.device_type,
    location: state.location,
    status: state.status,
    failure_probability: state.failure_probability,
    anomaly_score: state.anomaly_score,
    is_anomaly: state.is_anomaly,
    reasons: state.reasons,
    avg_power_kw: fromHistory ? weighted / readings : state.power_kw,
    window_minutes: fromHistory ? Math.round((history.length * bucketMs) / 60_000) : 0,
  };
}
