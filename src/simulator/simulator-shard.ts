/**
 * One publishing loop with its own Kafka producer: the whole fleet when simulate runs in one
 * thread, or one shard of it inside a worker thread (workers/simulator-worker.ts).
 */
import type { SimulateConfig } from '../config/simulate-config.ts';
import { createKafka } from '../kafka/create-kafka.ts';
import type { Logger } from '../log/logger.ts';
import type { Clock } from './publish/clock.ts';
import { createKafkaSink, type KafkaSink, type KafkaSinkSource } from './publish/kafka-sink.ts';
import type { PublishStats } from './publish/publish-stats.ts';
import {
  DEFAULT_SIMULATOR_RUN_OPTIONS,
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

/**
 * kafkajs retries a failed connection five times with growing waits before giving up (~10 s);
 * we retry forever ourselves, so fewer inner retries make the first "unreachable" line appear
 * within about a second.
 */
export const CONNECT_RETRY = { retries: 2, initialRetryTime: 300, maxRetryTime: 5000 };

/** The Kafka side of a producer built from configuration, creating both topics when missing. */
export function createConfiguredSink(
  config: SimulateConfig,
  deps: {
    readonly source?: KafkaSinkSource;
    readonly log: Logger;
    readonly kafkaLog?: Logger;
    readonly clock?: Clock;
  },
): KafkaSink {
  const source = deps.source ?? {
    kafka: createKafka(config, {
      overrides: { retry: CONNECT_RETRY },
      ...(deps.kafkaLog ? { log: deps.kafkaLog } : {}),
    }),
  };
  return createKafkaSink(
    source,
    {
      topics: [
        { topic: config.topic, numPartitions: config.partitions },
        { topic: config.heartbeatTopic, numPartitions: 1 },
      ],
      brokers: config.brokers,
    },
    deps.log.child('kafka'),
    deps.clock,
  );
}

export interface SimulatorShard {
  stats(): Readonly<PublishStats>;
  /** Stops generating, flushes, closes the Kafka side; resolves to the totals. */
  stop(): Promise<Readonly<PublishStats>>;
}

export interface SimulatorShardDeps {
  readonly source?: KafkaSinkSource;
  readonly log: Logger;
  /** Where kafkajs logs go when the client is built here. */
  readonly kafkaLog?: Logger;
  readonly clock?: Clock;
  /** Overrides of the run options: a shard, no heartbeat, shorter timeouts in tests. */
  readonly options?: Partial<SimulatorRunOptions>;
}

export function startSimulatorShard(config: SimulateConfig, deps: SimulatorShardDeps): SimulatorShard {
  const sink = createConfiguredSink(config, deps);
  sink.start();
  const run = startSimulatorRun(
    { ...simulatorRunOptions(config), ...deps.options },
    { sink, log: deps.log, ...(deps.clock ? { clock: deps.clock } : {}) },
  );
  return {
    stats: run.stats,
    async stop() {
      const stats = await run.stop();
      await sink.close();
      return stats;
    },
  };
}
