import type { Reading } from './reading.ts';
import type { SensorStatus } from './sensor-status.ts';

/** What detection adds to a reading. */
export interface Assessment {
  /** 0 = entirely ordinary, 1 = as anomalous as the model can say. */
  readonly anomaly_score: number;
  readonly is_anomaly: boolean;
  /** Probability of failure in the near term; monotone in the evidence. */
  readonly failure_probability: number;
  readonly status: SensorStatus;
  /** Human-readable explanations, e.g. "temperature 4.1σ above its baseline of 40.1 °C for 3 min". */
  readonly reasons: readonly string[];
  /** Which model scored it, e.g. `motor@3`; `rules` before a model exists. */
  readonly model_version: string;
}

/** A sensor's latest enriched reading: the `ww:sensor:{id}` hash. */
export interface SensorState extends Reading, Assessment {
  /** When the processor stored it, ISO-8601 UTC. */
  readonly processed_at: string;
}
