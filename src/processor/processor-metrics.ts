/**
 * Prometheus metrics of the stream processor, in a registry of their own that the CLI exposes on
 * /metrics (or merges with others). Names follow Prometheus conventions: `_total` counters,
 * `_seconds` histograms.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ProcessorMetrics {
  readonly registry: Registry;
  /** Readings by outcome: applied, stale (Redis already newer), duplicate (seen by this process), rejected. */
  readonly readings: Counter<'outcome'>;
  readonly rejects: Counter<'reason'>;
  readonly chunkSeconds: Histogram;
  readonly chunkReadings: Histogram;
  readonly alerts: Counter;
  readonly retries: Counter<'stage'>;
  /** Per partition, messages behind the log end (set by the Kafka input). */
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  /** The largest consumer backlog age over the group, as the last sweep saw it. */
  readonly backlogSeconds: Gauge;
  readonly heartbeats: Counter<'outcome'>;
  readonly sweeps: Counter<'outcome'>;
  readonly markedOffline: Counter;
  readonly expired: Counter;
  readonly fleetSensors: Gauge<'status'>;
  readonly fleetPowerKw: Gauge;
}

/** Creates the metrics in `registry` (a new one by default). */
export function createProcessorMetrics(registry: Registry = new Registry()): ProcessorMetrics {
  const registers = [registry];
  return {
    registry,
    readings: new Counter({
      name: 'wattwatch_processor_readings_total',
      help: 'Readings handled, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    rejects: new Counter({
      name: 'wattwatch_processor_rejects_total',
      help: 'Messages sent to the dead-letter topic, by reason',
      labelNames: ['reason'],
      registers,
    }),
    chunkSeconds: new Histogram({
      name: 'wattwatch_processor_chunk_seconds',
      help: 'Time to decode, detect and store one chunk',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    }),
    chunkReadings: new Histogram({
      name: 'wattwatch_processor_chunk_readings',
      help: 'Messages per chunk',
      buckets: [1, 10, 50, 100, 250, 500, 1000, 5000],
      registers,
    }),
    alerts: new Counter({
      name: 'wattwatch_processor_alerts_total',
      help: 'Alert events written (transitions into critical)',
      registers,
    }),
    retries: new Counter({
      name: 'wattwatch_processor_retries_total',
      help: 'Retries after a failed stage (Redis or DLQ outage)',
      labelNames: ['stage'],
      registers,
    }),
    consumerLag: new Gauge({
      name: 'wattwatch_processor_consumer_lag',
      help: 'Messages between the committed offset and the log end, per partition',
      labelNames: ['topic', 'partition'],
      registers,
    }),
    backlogSeconds: new Gauge({
      name: 'wattwatch_processor_backlog_seconds',
      help: 'Age of the oldest unprocessed backlog over the consumer group (the offline sweep allows for it)',
      registers,
    }),
    heartbeats: new Counter({
      name: 'wattwatch_processor_heartbeats_total',
      help: 'Producer heartbeats handled, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    sweeps: new Counter({
      name: 'wattwatch_processor_sweeps_total',
      help: 'Offline sweeps, by outcome (ran, skipped: another processor holds the lease, failed)',
      labelNames: ['outcome'],
      registers,
    }),
    markedOffline: new Counter({
      name: 'wattwatch_processor_marked_offline_total',
      help: 'Sensors marked offline by this processor',
      registers,
    }),
    expired: new Counter({
      name: 'wattwatch_processor_expired_total',
      help: 'Expired sensors removed from the indexes by this processor',
      registers,
    }),
    fleetSensors: new Gauge({
      name: 'wattwatch_fleet_sensors',
      help: 'Sensors per status as of the last chunk this processor stored',
      labelNames: ['status'],
      registers,
    }),
    fleetPowerKw: new Gauge({
      name: 'wattwatch_fleet_power_kw',
      help: 'Fleet power now as of the last chunk this processor stored',
      registers,
    }),
  };
}
