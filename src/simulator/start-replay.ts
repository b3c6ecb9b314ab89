/**
 * `wattwatch replay FILE` minus the terminal: opens the file (its layout recognized from the
 * header), connects to Kafka in the background and starts publishing. Phase-2 tests pass their
 * own producer/admin: `await startReplay(config, path, { source: { producer, admin } })`.
 */
import type { ReplayConfig } from '../config/replay-config.ts';
import { createKafka } from '../kafka/create-kafka.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import type { Clock } from './publish/clock.ts';
import { createKafkaSink, type KafkaSink, type KafkaSinkSource } from './publish/kafka-sink.ts';
import { openReplayFile, type ReplayFile } from './replay/read-replay-file.ts';
import type { ChannelTarget, ReplayMapping } from './replay/replay-row.ts';
import {
  DEFAULT_REPLAY_RUN_OPTIONS,
  type ReplayResult,
  type ReplayRun,
  type ReplayRunOptions,
  startReplayRun,
} from './replay/run-replay.ts';

/** How the configuration maps single-series files onto a sensor. */
export function replayMapping(config: ReplayConfig, seqBase: number): Partial<ReplayMapping> {
  return {
    ...(config.sensorId ? { sensorId: config.sensorId } : {}),
    metric: config.metric as ChannelTarget,
    deviceType: config.deviceType,
    location: config.location,
    producerHost: config.hostIp,
    nabLabels: config.nabLabels,
    seqBase,
  };
}

export function replayRunOptions(config: ReplayConfig): ReplayRunOptions {
  return {
    ...DEFAULT_REPLAY_RUN_OPTIONS,
    speed: config.speed,
    timestamps: config.timestamps,
    topic: config.topic,
    heartbeatTopic: config.heartbeatTopic,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    producerId: config.producerId,
    producerHost: config.hostIp,
    lingerMs: config.lingerMs,
  };
}

export interface StartedReplay {
  readonly file: ReplayFile;
  readonly run: ReplayRun;
  readonly sink: KafkaSink;
  /** Waits for the end of the file (or stop), then closes the Kafka side. */
  finished(): Promise<ReplayResult>;
  /** Stops early, flushes, closes the Kafka side. */
  stop(): Promise<ReplayResult>;
}

export interface StartReplayDeps {
  readonly source?: KafkaSinkSource;
  readonly log?: Logger;
  readonly clock?: Clock;
  readonly options?: Partial<ReplayRunOptions>;
}

/** Throws when the file is missing or its layout is not one we know. */
export async function startReplay(
  config: ReplayConfig,
  path: string,
  deps: StartReplayDeps = {},
): Promise<StartedReplay> {
  const log = deps.log ?? createLogger('replay');
  const file = await openReplayFile(path, replayMapping(config, Math.floor((deps.clock ?? Date).now())));
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
  const run = startReplayRun(
    file,
    { ...replayRunOptions(config), ...deps.options },
    { sink, log, ...(deps.clock ? { clock: deps.clock } : {}) },
  );
  const closing = async (result: ReplayResult) => {
    await sink.close();
    return result;
  };
  return {
    file,
    run,
    sink,
    finished: () => run.done.then(closing),
    stop: () => run.stop().then(closing),
  };
}

/** As for simulate: few inner kafkajs retries, so "unreachable" is logged within about a second. */
const CONNECT_RETRY = { retries: 2, initialRetryTime: 300, maxRetryTime: 5000 };
