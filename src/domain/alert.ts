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
  readonly ack: boolean;
  readonly acked_at?: string;
  readonly acked_by?: string;
}
