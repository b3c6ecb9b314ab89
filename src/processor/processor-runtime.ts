/**
 * Assembles the processor's parts from `ProcessConfig`: the readings handler (decode → DLQ →
 * detect → store, chunked and acknowledged per chunk), the heartbeat handler, the offline sweeper
 * loop and the metrics. The Kafka input (start-processor.ts) feeds consumer-group batches to these
 * handlers; tests and the benchmark can feed in-memory batches the same way.
 */
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { ProcessConfig } from '../config/process-config.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { createChunkWriter, type QualityCounter } from '../store/chunk-writer.ts';
import { createFleetHistoryWriter } from '../store/fleet-history-writer.ts';
import { createHeartbeatStore } from '../store/heartbeat-store.ts';
import { createOfflineSweeper } from '../store/offline-sweeper.ts';
import type { ScoredReading } from '../store/sensor-hash.ts';
import { type StoreOptions, storeOptionsFrom } from '../store/store-options.ts';
import { type BacklogTracker, createBacklogTracker } from './backlog-tracker.ts';
import { createBatchHandler } from './batch-handler.ts';
import { type ChunkOutcome, createChunkProcessor } from './chunk-processor.ts';
import type { Detector } from './detector.ts';
import type { DlqSink } from './dlq-sink.ts';
import { createHeartbeatHandler } from './heartbeat-handler.ts';
import type { BatchHandler, RawMessage } from './input.ts';
import { createProcessorMetrics, type ProcessorMetrics } from './processor-metrics.ts';
import { createChunkQualityCounter } from './quality-counter.ts';
import { createRuleDetector } from './rule-detector.ts';
import { createSeqFilter } from './seq-filter.ts';
import { createSweeperLoop, type SweeperLoop } from './sweeper-loop.ts';
import { DEFAULT_RETRY_OPTIONS } from './with-retry.ts';

export interface ProcessorRuntimeDeps {
  readonly config: ProcessConfig;
  readonly redis: Redis;
  readonly dlq: DlqSink;
  /** The placeholder rule detector unless given (the detection issue plugs its detector in here). */
  readonly detector?: Detector;
  /** Output for readings that turned critical (the `sensor-alerts` producer). */
  readonly onAlerts?: (readings: readonly ScoredReading[]) => Promise<void>;
  readonly metrics?: ProcessorMetrics;
  /** Detection quality per stored chunk; the detector's live counter unless given. */
  readonly quality?: QualityCounter;
  /** Called after each chunk is acknowledged (benchmarks). */
  readonly onChunk?: (outcome: ChunkOutcome) => void;
  /** This process's name in notices and the sweep lease; host and pid by default. */
  readonly name?: string;
  readonly log?: Logger;
  readonly now?: () => Date;
}

export interface ProcessorRuntime {
  readonly store: StoreOptions;
  readonly metrics: ProcessorMetrics;
  readonly handleReadings: BatchHandler;
  readonly handleHeartbeats: (messages: readonly RawMessage[], isActive?: () => boolean) => Promise<void>;
  readonly sweeper: SweeperLoop;
  /** The input tells it what it stored; the sweeper reports its backlog age to the group. */
  readonly backlog: BacklogTracker;
}

/** Builds the runtime; nothing runs until the input calls the handlers and `sweeper.start()`. */
export function createProcessorRuntime(deps: ProcessorRuntimeDeps): ProcessorRuntime {
  const { config, redis } = deps;
  const log = deps.log ?? createLogger('processor');
  const name = deps.name ?? `${hostname()}:${process.pid}`;
  const store = storeOptionsFrom(config);
  const metrics = deps.metrics ?? createProcessorMetrics();
  const retry = { ...DEFAULT_RETRY_OPTIONS, maxDelayMs: config.retryMaxMs };
  const fleetHistory = createFleetHistoryWriter(redis, store);
  const processChunk = createChunkProcessor({
    detector: deps.detector ?? createRuleDetector(),
    writer: createChunkWriter(redis, {
      store,
      fleetHistory,
      quality: deps.quality ?? createChunkQualityCounter(),
      source: name,
      ...(deps.now ? { now: deps.now } : {}),
    }),
    dlq: deps.dlq,
    seqFilter: createSeqFilter(),
    metrics,
    log,
    retry,
    ...(deps.onAlerts ? { onAlerts: deps.onAlerts } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const backlog = createBacklogTracker({
    forgetAfterMs: config.sessionTimeoutMs,
    ...(deps.now ? { now: () => (deps.now as () => Date)().getTime() } : {}),
  });
  const sweeper = createOfflineSweeper(redis, {
    store,
    fleetHistory,
    owner: name,
    leaseMs: 3 * config.sweepIntervalMs,
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    store,
    metrics,
    handleReadings: createBatchHandler(processChunk, {
      chunkSize: config.chunkSize,
      ...(deps.onChunk ? { onChunk: deps.onChunk } : {}),
    }),
    handleHeartbeats: createHeartbeatHandler({
      store: createHeartbeatStore(redis, store),
      metrics,
      log: log.child('heartbeat'),
      retry,
      ...(deps.now ? { now: deps.now } : {}),
    }),
    sweeper: createSweeperLoop(sweeper, {
      intervalMs: config.sweepIntervalMs,
      metrics,
      log: log.child('sweep'),
      backlogMs: () => backlog.lagMs(),
    }),
    backlog,
  };
}
