import type { SensorStatus } from './sensor-status.ts';

export type AlertSeverity = Extract<SensorStatus, 'warning' | 'critical'>;

/** An alert event in `ww:alerts`: a sensor changed into a worse status. */
export interface Alert {
  /** Stream entry id, e.g. `1732252800123-0`. */
  readonly id: string;
  readonly sensor_id: string;
  readonly severity: AlertSeverity;
  readonly reasons: readonly string[];
  /** The reading's timestamp, ISO-8601 UTC. */
  readonly ts: string;
  /** seq of the reading that turned the sensor critical. */
  readonly seq?: number;
  readonly ack: boolean;
  readonly acked_at?: string;
  readonly acked_by?: string;
  /** When the sensor left critical, ISO-8601 UTC, and the status it went to (e.g. offline). */
  readonly recovered_at?: string;
  readonly recovered_status?: SensorStatus;
}
