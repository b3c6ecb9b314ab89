/**
 * `wattwatch simulate` minus the terminal: configuration in, a running simulator publishing to
 * Kafka out. Phase-2 tests call it with their own kafkajs Producer (and Admin) from the dev broker:
 *   const sim = startSimulator(config, { producer, admin });  …  await sim.stop();
 */
import type { SimulateConfig } from '../config/simulate-config.ts';
import { createKafka } from '../kafka/create-kafka.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import type { Clock } from './publish/clock.ts';
import { createKafkaSink, type KafkaSink, type KafkaSinkSource } from './publish/kafka-sink.ts';
import type { PublishStats } from './publish/publish-stats.ts';
import {
  DEFAULT_SIMULATOR_RUN_OPTIONS,
  type SimulatorRun,
  type SimulatorRunOptions,
  startSimulatorRun,
} from './publish/run-simulator.ts';

/** The run options a configuration stands for. */
export function simulatorRunOptions(config: SimulateConfig): SimulatorRunOptions {
  return {
    ...DEFAULT_SIMULATOR_RUN_OPTIONS,
    sensors: config.sensors,
    seed: config.seed,
    intervalMs: config.sensorIntervalMs,
    jitter: config.jitter,
    timeZone: config.timeZone,
    producerHost: config.hostIp,
    producerId: config.producerId,
    anomalies: {
      ratePerHour: config.anomalyRate,
      mix: config.anomalyMix,
      durationsS: config.anomalyDurations,
    },
    topic: config.topic,
    heartbeatTopic: config.heartbeatTopic,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    lingerMs: config.lingerMs,
  };
}

export interface StartedSimulator {
  readonly run: SimulatorRun;
  readonly sink: KafkaSink;
  /** Stops generating, flushes, closes the Kafka side; resolves to the totals. */
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

export function startSimulator(config: SimulateConfig, deps: StartSimulatorDeps = {}): StartedSimulator {
  const log = deps.log ?? createLogger('simulate');
  const source = deps.source ?? { kafka: createKafka(config, { overrides: { retry: CONNECT_RETRY } }) };
  const sink = createKafkaSink(
    source,
    {
      topics: [
        { topic: config.topic, numPartitions: config.partitions },
        { topic: config.heartbeatTopic, numPartitions: 1 },
      ],
      brokers: config.brokers,
    },
    log.child('kafka'),
    deps.clock,
  );
  sink.start();
  const run = startSimulatorRun(
    { ...simulatorRunOptions(config), ...deps.options },
    { sink, log, ...(deps.clock ? { clock: deps.clock } : {}) },
  );
  return {
    run,
    sink,
    async stop() {
      const stats = await run.stop();
      await sink.close();
      return stats;
    },
  };
}

/**
 * kafkajs retries a failed connection five times with growing waits before giving up (~10 s);
 * we retry forever ourselves, so fewer inner retries make the first "unreachable" line appear
 * within about a second.
 */
const CONNECT_RETRY = { retries: 2, initialRetryTime: 300, maxRetryTime: 5000 };
