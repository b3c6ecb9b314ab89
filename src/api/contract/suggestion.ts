/**
 * An energy-saving suggestion from the optimizer. Money is in the configured currency per day,
 * derived from integrated kWh and the configured tariff; `evidence` lists the figures it rests on.
 */
import type { DeviceType } from './sensor.ts';

export type SuggestionType =
  | 'cost_optimization'
  | 'predictive_maintenance'
  | 'energy_efficiency'
  | 'operational_optimization';

export type SuggestionPriority = 'critical' | 'high' | 'medium' | 'low';

export type SuggestionAction =
  | 'schedule_shift'
  | 'schedule_maintenance'
  | 'efficiency_audit'
  | 'schedule_shutdown';

/** One figure a suggestion rests on, e.g. `{name: 'avg_power', value: 42.1, unit: 'kW'}`. */
export interface Evidence {
  readonly name: string;
  readonly value: number | string;
  readonly unit?: string;
  /** What it is, for people; assumptions say so. */
  readonly note?: string;
}

export interface Suggestion {
  /** Stable per rule and sensor: `<type>:<sensor_id>`. */
  readonly id: string;
  readonly type: SuggestionType;
  readonly sensor_id: string;
  readonly device_type: DeviceType;
  readonly location: string;
  readonly title: string;
  readonly description: string;
  readonly priority: SuggestionPriority;
  readonly action: SuggestionAction;
  /** Estimated savings per day, in `currency`, rounded to cents. */
  readonly savings_per_day: number;
  readonly currency: string;
  readonly evidence: readonly Evidence[];
}

/** The tariff suggestions and costs were computed with. */
export interface TariffInfo {
  readonly currency: string;
  /** Per kWh. */
  readonly off_peak: number;
  readonly shoulder: number;
  readonly on_peak: number;
  /** Local hours [start, end) of the on-peak window, e.g. [9, 18]. */
  readonly peak_hours: readonly [number, number];
  /** Local hours [start, end) of the off-peak window (may wrap midnight), e.g. [22, 6]. */
  readonly off_peak_hours: readonly [number, number];
  /** IANA time zone the windows are in. */
  readonly time_zone: string;
}
