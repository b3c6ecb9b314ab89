/**
 * Store-only processor benchmark (issue 5, phase 1): the real chunk pipeline — decode/validate →
 * placeholder detector → Redis writer (two round trips per chunk) — over pre-encoded readings of a
 * synthetic fleet, into a private redis-server, against a naive baseline in the same run (one awaited
 * HSET + EXPIRE per reading, after the same decode and detect).
 *
 *   npm run bench -- processor [--sensors 100000] [--rounds 10] [--chunk 500] [--concurrency 4]
 *                              [--partitions 12] [--naive 20000]
 *
 * Targets: >= 50,000 readings/s, >= 10x naive, <= 2 KB Redis per sensor including history,
 * RSS < 600 MB. The Kafka part of the benchmark (pre-filled broker) comes with phase 2.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { configureLogging, createLogger } from '../src/log/logger.ts';
import { createBatchHandler } from '../src/processor/batch-handler.ts';
import { createChunkProcessor } from '../src/processor/chunk-processor.ts';
import { decodeMessages } from '../src/processor/decode-messages.ts';
import { createMemoryDlqSink } from '../src/processor/dlq-sink.ts';
import { createProcessorMetrics } from '../src/processor/processor-metrics.ts';
import { createChunkQualityCounter } from '../src/processor/quality-counter.ts';
import { createRuleDetector } from '../src/processor/rule-detector.ts';
import { createSeqFilter } from '../src/processor/seq-filter.ts';
import { createChunkWriter } from '../src/store/chunk-writer.ts';
import { startEmbeddedRedis } from '../src/store/embedded-redis.ts';
import { createFleetHistoryWriter } from '../src/store/fleet-history-writer.ts';
import { parseFleetStats } from '../src/store/fleet-stats.ts';
import { sensorFieldValues } from '../src/store/sensor-hash.ts';
import { DEFAULT_STORE_OPTIONS, type StoreOptions } from '../src/store/store-options.ts';
import { fillToCaps } from './lib/fill-caps.ts';
import {
  BENCH_T0,
  createEncodedInput,
  type FleetMessages,
  firstMessages,
  fleetMessages,
} from './lib/fleet-messages.ts';
import { median, printTable, writeResult } from './lib/report.ts';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sensors: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '10' },
      chunk: { type: 'string', default: '500' },
      concurrency: { type: 'string', default: '4' },
      partitions: { type: 'string', default: '12' },
      naive: { type: 'string', default: '20000' },
    },
  });
  const sensors = Number(values.sensors);
  const rounds = Number(values.rounds);
  const chunkSize = Number(values.chunk);
  configureLogging({ level: 'warn' });
  const store: StoreOptions = DEFAULT_STORE_OPTIONS;
  console.log(`encoding ${sensors * rounds} readings of ${sensors} sensors…`);
  // one reading per sensor per second, as the simulator sends them
  const input = fleetMessages(sensors, rounds, Number(values.partitions), 1000);
  const redisServer = await startEmbeddedRedis();
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  try {
    const emptyMemory = await usedMemory(redis);
    const rss = trackRss();
    const pipeline = await runPipeline(redis, store, input, chunkSize, Number(values.concurrency));
    rss.stop();
    const fleet = parseFleetStats(await redis.hgetall(store.keys.stats));
    if (fleet.readings !== pipeline.applied)
      throw new Error(`stats count ${fleet.readings} != ${pipeline.applied} stored`);
    const afterRun = (await usedMemory(redis)) - emptyMemory;
    await fillToCaps(redis, store, BENCH_T0);
    const atCaps = (await usedMemory(redis)) - emptyMemory;
    if (process.env.BENCH_COMMANDSTATS) console.log(await redis.info('commandstats'));
    const naive = await runNaive(redis, firstMessages(input, Number(values.naive)));
    report({
      sensors,
      input,
      pipeline,
      naive,
      fleet,
      afterRun,
      atCaps,
      rssPeak: rss.peak(),
      chunkSize,
      values,
    });
  } finally {
    redis.disconnect();
    await redisServer.stop();
  }
}

interface PipelineRun {
  readonly perSecond: number;
  readonly applied: number;
  readonly latencies: number[];
  readonly seconds: number;
  /** Event-loop delay while the pipeline ran (how long timers and I/O waited). */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** CPU per reading: this process (all threads) and redis-server. */
  readonly nodeCpuUs: number;
  readonly redisCpuUs: number;
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return read('used_cpu_user') + read('used_cpu_sys');
}

async function runPipeline(
  redis: Redis,
  store: StoreOptions,
  input: FleetMessages,
  chunkSize: number,
  concurrency: number,
): Promise<PipelineRun> {
  const metrics = createProcessorMetrics();
  const processChunk = createChunkProcessor({
    detector: createRuleDetector(),
    writer: createChunkWriter(redis, {
      store,
      fleetHistory: createFleetHistoryWriter(redis, store),
      quality: createChunkQualityCounter(),
    }),
    dlq: createMemoryDlqSink(),
    seqFilter: createSeqFilter(),
    metrics,
    log: createLogger('bench'),
  });
  const latencies: number[] = [];
  let applied = 0;
  const handler = createBatchHandler(processChunk, {
    chunkSize,
    onChunk: (outcome) => {
      latencies.push(outcome.seconds * 1000);
      applied += outcome.stored?.applied ?? 0;
    },
  });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const redisCpu0 = await redisCpuSeconds(redis);
  const nodeCpu0 = process.cpuUsage();
  loop.enable();
  const started = performance.now();
  await createEncodedInput(input, chunkSize * 10, concurrency).run(handler);
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  const nodeCpu = process.cpuUsage(nodeCpu0);
  const redisCpu = (await redisCpuSeconds(redis)) - redisCpu0;
  return {
    perSecond: input.count / seconds,
    applied,
    latencies,
    seconds,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
    nodeCpuUs: (nodeCpu.user + nodeCpu.system) / input.count,
    redisCpuUs: (redisCpu * 1e6) / input.count,
  };
}

/** The baseline: same decode and detect, then one awaited HSET and one awaited EXPIRE per reading. */
async function runNaive(redis: Redis, messages: Parameters<typeof decodeMessages>[0]): Promise<number> {
  const detector = createRuleDetector();
  const started = performance.now();
  const processedAt = new Date().toISOString();
  for (const message of messages) {
    const { readings } = decodeMessages([message]);
    const reading = readings[0];
    if (!reading) continue;
    const [assessment] = detector.assess([reading]);
    if (!assessment) continue;
    const key = `naive:sensor:{${reading.sensor_id}}`;
    const values = sensorFieldValues({ reading, assessment }, processedAt);
    await redis.hset(key, ...values.flatMap((v, i) => [NAIVE_FIELDS[i] as string, v]));
    await redis.expire(key, 600);
  }
  const perSecond = messages.length / ((performance.now() - started) / 1000);
  await redis.eval("for _, k in ipairs(redis.call('KEYS', 'naive:*')) do redis.call('DEL', k) end", 0);
  return perSecond;
}

const NAIVE_FIELDS = [
  'ts',
  'seq',
  'status',
  'current',
  'voltage',
  'power_factor',
  'power_kw',
  'energy_kwh',
  'temperature',
  'pressure',
  'vibration',
  'anomaly_score',
  'failure_probability',
  'processed_at',
  'sensor_id',
  'device_type',
  'location',
  'producer_host',
  'injected',
  'extra',
  'is_anomaly',
  'reasons',
  'model_version',
];

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

function trackRss() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  return {
    stop: () => clearInterval(timer),
    peak: () => Math.max(peak, process.memoryUsage.rss()),
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function report(r: {
  sensors: number;
  input: FleetMessages;
  pipeline: PipelineRun;
  naive: number;
  fleet: ReturnType<typeof parseFleetStats>;
  afterRun: number;
  atCaps: number;
  rssPeak: number;
  chunkSize: number;
  values: Record<string, string | undefined>;
}): void {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const ratio = r.pipeline.perSecond / r.naive;
  const p50 = percentile(r.pipeline.latencies, 50);
  const p99 = percentile(r.pipeline.latencies, 99);
  const perSensor = r.atCaps / r.sensors;
  const processRss = mb(r.rssPeak - r.input.bytes);
  printTable([
    { path: 'chunk pipeline (2 round trips/chunk)', 'readings/s': Math.round(r.pipeline.perSecond) },
    { path: 'naive (awaited HSET + EXPIRE each)', 'readings/s': Math.round(r.naive) },
  ]);
  console.log(`
readings ${r.input.count.toLocaleString('en-US')} of ${r.sensors.toLocaleString('en-US')} sensors in ${r.pipeline.seconds.toFixed(1)} s; ratio ${ratio.toFixed(1)}x naive
CPU per reading: ${r.pipeline.nodeCpuUs.toFixed(1)} µs in this process, ${r.pipeline.redisCpuUs.toFixed(1)} µs in redis-server
chunk latency (${r.chunkSize} messages, ${r.values.concurrency} partitions at a time): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (median ${median(r.pipeline.latencies).toFixed(1)} ms)
event-loop delay while processing: p99 ${r.pipeline.loopDelayP99Ms.toFixed(1)} ms, max ${r.pipeline.loopDelayMaxMs.toFixed(1)} ms
Redis memory: ${(r.afterRun / r.sensors).toFixed(0)} B/sensor after the run; ${perSensor.toFixed(0)} B/sensor with fleet history (7 days) and alerts filled to their caps
process RSS peak ${mb(r.rssPeak).toFixed(0)} MB, of which ${mb(r.input.bytes).toFixed(0)} MB is the pre-encoded input: ${processRss.toFixed(0)} MB for the processor
fleet after the run: ${r.fleet.sensors} sensors (${r.fleet.normal} normal, ${r.fleet.warning} warning, ${r.fleet.critical} critical), ${r.fleet.readings} readings, ${r.fleet.power_kw.toFixed(1)} kW`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `targets: >= 50,000/s ${verdict(r.pipeline.perSecond >= 50_000)}; >= 10x naive ${verdict(ratio >= 10)}; ` +
      `<= 2 KB/sensor ${verdict(perSensor <= 2048)}; RSS < 600 MB ${verdict(processRss < 600)}`,
  );
  writeResult('processor', {
    mode: 'store-only',
    options: r.values,
    readings: r.input.count,
    sensors: r.sensors,
    readings_per_s: Math.round(r.pipeline.perSecond),
    naive_per_s: Math.round(r.naive),
    ratio: Number(ratio.toFixed(2)),
    node_cpu_us_per_reading: Number(r.pipeline.nodeCpuUs.toFixed(1)),
    redis_cpu_us_per_reading: Number(r.pipeline.redisCpuUs.toFixed(1)),
    loop_delay_p99_ms: Number(r.pipeline.loopDelayP99Ms.toFixed(2)),
    loop_delay_max_ms: Number(r.pipeline.loopDelayMaxMs.toFixed(2)),
    chunk_p50_ms: Number(p50.toFixed(2)),
    chunk_p99_ms: Number(p99.toFixed(2)),
    redis_bytes_per_sensor_after_run: Math.round(r.afterRun / r.sensors),
    redis_bytes_per_sensor_at_caps: Math.round(perSensor),
    rss_peak_mb: Math.round(mb(r.rssPeak)),
    input_mb: Math.round(mb(r.input.bytes)),
    processor_rss_mb: Math.round(processRss),
  });
}
