/**
 * `wattwatch process` minus the terminal: configuration in, a running consumer-group member out.
 * Connects Redis and Kafka (retrying until both answer, so start order does not matter), makes sure
 * the output topics exist, starts the detector (the live one with models shared in Redis, or the
 * placeholder rules), and feeds the readings and heartbeat topics through the processor runtime.
 * `stop()` leaves the group after the chunk in progress (an unfinished chunk is not acknowledged),
 * then closes everything; the benchmark runs the same function.
 */
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { Kafka, Producer } from 'kafkajs';
import type { ProcessConfig } from '../config/process-config.ts';
import { createKafka } from '../kafka/create-kafka.ts';
import { ensureTopics } from '../kafka/ensure-topics.ts';
import { FastKeyPartitioner } from '../kafka/key-partition.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { createModelStore } from '../store/model-store.ts';
import { storeOptionsFrom } from '../store/store-options.ts';
import type { ChunkOutcome } from './chunk-processor.ts';
import { createLiveDetector, DEFAULT_LIVE_DETECTOR_OPTIONS } from './detect/live-detector.ts';
import type { Detector } from './detector.ts';
import type { BatchHandler } from './input.ts';
import { createKafkaInput, DEFAULT_KAFKA_INPUT_OPTIONS, type KafkaInputState } from './kafka-input.ts';
import { createKafkaAlertSink, createKafkaDlqSink } from './kafka-outputs.ts';
import { type MetricsServer, type ProcessorHealth, startMetricsServer } from './metrics-server.ts';
import type { ProcessorMetrics } from './processor-metrics.ts';
import { createProcessorRuntime } from './processor-runtime.ts';
import { createRuleDetector } from './rule-detector.ts';
import { DEFAULT_RETRY_OPTIONS, withRetry } from './with-retry.ts';

export interface StartProcessorDeps {
  readonly log?: Logger;
  /** Built from the configuration unless given (tests pass faster retry settings). */
  readonly kafka?: Kafka;
  /** Aborts a start that is still waiting for Redis or Kafka. */
  readonly signal?: AbortSignal;
  readonly onChunk?: (outcome: ChunkOutcome) => void;
  /** This process's name in notices and leases; host and pid by default. */
  readonly name?: string;
}

export interface RunningProcessor {
  readonly metrics: ProcessorMetrics;
  /** Port of /metrics and /health (0 when off). */
  readonly metricsPort: number;
  health(): ProcessorHealth & { readonly redis: string; readonly kafka: KafkaInputState };
  /** Settles when the consumer stops: after `stop()`, or if it failed for good (rejects). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts a processor; rejects with RetryStoppedError when `signal` aborts the start. */
export async function startProcessor(
  config: ProcessConfig,
  deps: StartProcessorDeps = {},
): Promise<RunningProcessor> {
  const log = deps.log ?? createLogger('processor');
  const name = deps.name ?? `${hostname()}:${process.pid}`;
  const store = storeOptionsFrom(config);
  const retryOptions = { ...DEFAULT_RETRY_OPTIONS, maxDelayMs: config.retryMaxMs };
  const retry = (what: string) => ({
    log,
    what,
    isActive: () => !deps.signal?.aborted,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const redis = connectRedis(config.redisUrl, log.child('redis'));
  const kafka = deps.kafka ?? createKafka(config);
  const cleanups: (() => Promise<unknown>)[] = [async () => redis.disconnect()];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => {});
  };
  try {
    const dlqTopic = `${config.topic}.dlq`;
    await withRetry(() => createTopics(kafka, config, dlqTopic), retry('create Kafka topics'), retryOptions);
    const producer: Producer = kafka.producer({
      allowAutoTopicCreation: false,
      // An explicit partitioner: DLQ and alert records keep Kafka's key placement, and kafkajs
      // stops warning at startup that its default changed in v2.
      createPartitioner: FastKeyPartitioner,
    });
    cleanups.push(() => producer.disconnect());
    await withRetry(() => producer.connect(), retry('connect the Kafka producer'), retryOptions);
    const detector = await startDetector(config, redis, store.keys, name, log);
    cleanups.push(() => detector.stop());
    await withRetry(() => detector.start(), retry('load detection models from Redis'), retryOptions);
    const runtime = createProcessorRuntime({
      config,
      redis,
      dlq: createKafkaDlqSink(producer, dlqTopic),
      onAlerts: createKafkaAlertSink(producer, config.alertsTopic),
      detector,
      name,
      log,
      ...(deps.onChunk ? { onChunk: deps.onChunk } : {}),
    });
    const input = createKafkaInput(
      kafka,
      {
        ...DEFAULT_KAFKA_INPUT_OPTIONS,
        groupId: config.groupId,
        topics: [config.topic, config.heartbeatTopic],
        concurrency: config.concurrency,
        sessionTimeoutMs: config.sessionTimeoutMs,
        retry: retryOptions,
      },
      { log: log.child('kafka'), metrics: runtime.metrics, backlog: runtime.backlog },
    );
    const health = () => {
      const state = { redis: redis.status, kafka: input.state() };
      return { ok: state.redis === 'ready' && state.kafka === 'joined', ...state };
    };
    let server: MetricsServer | null = null;
    if (config.metricsPort > 0) {
      server = await startMetricsServer(runtime.metrics.registry, health, { port: config.metricsPort });
      const opened = server;
      cleanups.push(() => opened.close());
    }
    const route: BatchHandler = async (batch) => {
      if (batch.topic === config.topic) return runtime.handleReadings(batch);
      await runtime.handleHeartbeats(batch.messages, batch.isActive);
      await batch.ack(batch.messages.length);
    };
    const stopping = new AbortController();
    runtime.sweeper.start();
    cleanups.push(() => runtime.sweeper.stop());
    const done = input.run(route, stopping.signal);
    return {
      metrics: runtime.metrics,
      metricsPort: server?.port ?? 0,
      health,
      done,
      async stop() {
        stopping.abort();
        await done.catch((error) => log.warn('the Kafka consumer stopped with an error', { error }));
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function createTopics(kafka: Kafka, config: ProcessConfig, dlqTopic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [
      { topic: config.topic, numPartitions: config.partitions },
      { topic: config.heartbeatTopic, numPartitions: 1 },
      { topic: dlqTopic, numPartitions: 1 },
      { topic: config.alertsTopic, numPartitions: 1 },
    ]);
  } finally {
    await admin.disconnect();
  }
}

async function startDetector(
  config: ProcessConfig,
  redis: Redis,
  keys: ReturnType<typeof storeOptionsFrom>['keys'],
  name: string,
  log: Logger,
): Promise<Detector & { start(): Promise<void>; stop(): Promise<void> }> {
  if (config.detector === 'rules') {
    const rules = createRuleDetector();
    return { assess: (readings) => rules.assess(readings), start: async () => {}, stop: async () => {} };
  }
  return createLiveDetector(
    createModelStore(redis, keys),
    { ...DEFAULT_LIVE_DETECTOR_OPTIONS, owner: name.replaceAll('|', '_') },
    log.child('detect'),
  );
}

/**
 * ioredis reconnects by itself; commands fail after two reconnect attempts so the retry wrapper
 * (which logs and backs off) decides, instead of commands piling up in the offline queue.
 */
function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let down = false;
  redis.on('error', (error) => {
    if (!down) log.warn('Redis unreachable; reconnecting', { error });
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('Redis connection restored');
    down = false;
  });
  return redis;
}
