/**
 * `wattwatch simulate` minus the terminal: configuration in, a running simulator publishing to
 * Kafka out. One thread for small fleets; above ~50,000 readings/s the fleet is split across
 * worker threads, each with its own kafkajs producer (workers/start-simulator-workers.ts).
 * Tests may pass their own kafkajs `{ producer, admin }` (single thread only):
 *   const sim = startSimulator(config, { source: { producer, admin } });  …  await sim.stop();
 */
import { availableParallelism } from 'node:os';
import type { SimulateConfig } from '../config/simulate-config.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import type { Clock } from './publish/clock.ts';
import type { KafkaSinkSource } from './publish/kafka-sink.ts';
import type { PublishStats } from './publish/publish-stats.ts';
import type { SimulatorRunOptions } from './publish/run-simulator.ts';
import { startSimulatorShard } from './simulator-shard.ts';
import { startSimulatorWorkers } from './workers/start-simulator-workers.ts';

export { simulatorRunOptions } from './simulator-shard.ts';

/** What one publishing thread comfortably sustains (bench/simulator.ts measures ~65k/s). */
export const READINGS_PER_WORKER = 50_000;

export interface StartedSimulator {
  /** Publishing threads: 1 = this thread. */
  readonly workers: number;
  /** Resolves if a worker thread dies: the simulator is then no longer publishing its share. */
  readonly failed: Promise<Error>;
  stats(): Readonly<PublishStats>;
  /** Stops generating, flushes, sends the final heartbeat, closes the Kafka side; resolves to the totals. */
  stop(): Promise<Readonly<PublishStats>>;
}

export interface StartSimulatorDeps {
  /** Defaults to a kafkajs client built from the config. */
  readonly source?: KafkaSinkSource;
  readonly log?: Logger;
  readonly clock?: Clock;
  /** Overrides of the run options (tests: shorter flush timeout, smaller batches). */
  readonly options?: Partial<SimulatorRunOptions>;
}

/** Worker threads for a configuration: as asked, or (0 = auto) one per READINGS_PER_WORKER, at most one per CPU. */
export function resolveWorkers(config: SimulateConfig, cpus = availableParallelism()): number {
  const rate = (config.sensors * 1000) / config.sensorIntervalMs;
  const wanted = config.workers > 0 ? config.workers : Math.min(cpus, Math.ceil(rate / READINGS_PER_WORKER));
  return Math.max(1, Math.min(wanted, config.sensors));
}

export function startSimulator(config: SimulateConfig, deps: StartSimulatorDeps = {}): StartedSimulator {
  const log = deps.log ?? createLogger('simulate');
  const workers = resolveWorkers(config);
  if (workers > 1) {
    if (deps.source || deps.clock)
      throw new Error(
        'worker threads build their own Kafka clients and clocks; set workers to 1 to inject them',
      );
    return startSimulatorWorkers(config, workers, {
      log,
      ...(deps.options ? { options: deps.options } : {}),
    });
  }
  const shard = startSimulatorShard(config, { ...deps, log });
  return { workers: 1, failed: new Promise<Error>(() => undefined), ...shard };
}
