/**
 * The processor benchmark of issue 5: pre-fills the dev broker (a child process) with `rounds`
 * readings of each of `sensors` sensors, then times the real `process` path — startProcessor():
 * kafkajs consumer group → decode/validate → detector → chunk writer → offset commits — into a
 * private redis-server, against a naive baseline in the same run (a kafkajs eachMessage consumer
 * with the same decode and detector, then one awaited HSET + one awaited EXPIRE per reading).
 *
 *   npm run bench -- processor [--sensors 100000] [--rounds 10] [--partitions 12] [--chunk 500]
 *                              [--concurrency 4] [--detector rules|live] [--naive 20000]
 *
 * Targets (issue 5, rules detector): >= 50,000 readings/s, >= 10x naive, <= 2 KB Redis per sensor
 * including history, RSS < 600 MB; issue 6: >= 40,000 readings/s with the live detector.
 * readings/s is counted from the start of the first chunk to the end of the last (the group join
 * before it is printed on its own); chunk latency is decode → stored, per chunk.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { PROCESS_SETTINGS } from '../src/config/process-config.ts';
import { readConfig } from '../src/config/read-config.ts';
import { configureLogging } from '../src/log/logger.ts';
import { createDetector } from '../src/processor/detect/create-detector.ts';
import { createRuleDetector } from '../src/processor/rule-detector.ts';
import { startProcessor } from '../src/processor/start-processor.ts';
import { startEmbeddedRedis } from '../src/store/embedded-redis.ts';
import { type FleetStats, parseFleetStats } from '../src/store/fleet-stats.ts';
import { storeOptionsFrom } from '../src/store/store-options.ts';
import { startBrokerProcess } from './lib/broker-process.ts';
import { fillToCaps } from './lib/fill-caps.ts';
import { BENCH_T0 } from './lib/fleet-messages.ts';
import { runNaiveConsumer } from './lib/naive-consumer.ts';
import { prefillBroker } from './lib/prefill-broker.ts';
import { printTable, writeResult } from './lib/report.ts';

const TOPIC = 'sensor-data';
// the processor's kafkajs producers (DLQ, alerts) would print kafkajs' partitioner notice otherwise
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sensors: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '10' },
      partitions: { type: 'string', default: '12' },
      chunk: { type: 'string', default: '500' },
      concurrency: { type: 'string', default: '4' },
      detector: { type: 'string', default: 'rules' },
      naive: { type: 'string', default: '20000' },
    },
  });
  const sensors = Number(values.sensors);
  const detector = values.detector === 'live' ? 'live' : 'rules';
  configureLogging({ level: 'warn' });
  const load = [loadavg()];
  const broker = await startBrokerProcess(4 * 1024 * 1024 * 1024);
  const redisServer = await startEmbeddedRedis();
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  try {
    console.log(`pre-filling the dev broker: ${values.rounds} readings of each of ${sensors} sensors…`);
    const prefillStarted = performance.now();
    const input = await prefillBroker({
      bootstrap: broker.bootstrap,
      topic: TOPIC,
      sensors,
      rounds: Number(values.rounds),
      partitions: Number(values.partitions),
      // one reading per sensor per second, as the simulator sends them
      roundMs: 1000,
    });
    const prefillSeconds = (performance.now() - prefillStarted) / 1000;
    console.log(
      `${input.count} readings (${mb(input.bytes).toFixed(0)} MB) in ${prefillSeconds.toFixed(1)} s`,
    );
    load.push(loadavg());
    const emptyMemory = await usedMemory(redis);
    const config = readConfig(PROCESS_SETTINGS, {
      env: {
        KAFKA_BROKERS: broker.bootstrap,
        KAFKA_TOPIC: TOPIC,
        KAFKA_PARTITIONS: String(values.partitions),
        REDIS_URL: redisServer.url,
        KAFKA_GROUP_ID: `bench-process-${Date.now()}`,
        PROCESS_CHUNK_SIZE: String(values.chunk),
        PROCESS_CONCURRENCY: String(values.concurrency),
        PROCESS_DETECTOR: detector,
        PROCESS_METRICS_PORT: '0',
      },
    });
    const timed = await timeProcess(config, redis, broker, input.count);
    load.push(loadavg());
    const store = storeOptionsFrom(config);
    const fleet = parseFleetStats(await redis.hgetall(store.keys.stats));
    if (fleet.readings !== input.count)
      throw new Error(`stats count ${fleet.readings} != ${input.count} sent`);
    const afterRun = (await usedMemory(redis)) - emptyMemory;
    await fillToCaps(redis, store, BENCH_T0);
    const atCaps = (await usedMemory(redis)) - emptyMemory;
    if (process.env.BENCH_COMMANDSTATS) console.log(await redis.info('commandstats'));
    const naive = await runNaiveConsumer({
      bootstrap: broker.bootstrap,
      topic: TOPIC,
      count: Number(values.naive),
      redis,
      detector: detector === 'live' ? createDetector() : createRuleDetector(),
    });
    load.push(loadavg());
    report({ sensors, count: input.count, timed, naive, fleet, afterRun, atCaps, load, values, detector });
  } finally {
    redis.disconnect();
    await redisServer.stop();
    broker.stop();
  }
}

interface TimedRun {
  readonly perSecond: number;
  readonly seconds: number;
  /** From startProcessor() to the first chunk's start: connect, join the group, first fetch. */
  readonly startupSeconds: number;
  readonly latenciesMs: number[];
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** CPU µs per reading: this process (all threads), redis-server, the broker child. */
  readonly nodeCpuUs: number;
  readonly redisCpuUs: number;
  readonly brokerCpuUs: number;
  readonly rssPeak: number;
  /** Sensors the offline sweep marked offline while the readings were being processed. */
  readonly markedOffline: number;
}

/** Runs the processor until it has stored `count` readings; the figures of that stretch. */
async function timeProcess(
  config: ReturnType<typeof readConfig<typeof PROCESS_SETTINGS>>,
  redis: Redis,
  broker: Awaited<ReturnType<typeof startBrokerProcess>>,
  count: number,
): Promise<TimedRun> {
  const latenciesMs: number[] = [];
  let applied = 0;
  let firstChunkAt = 0;
  let lastChunkAt = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const rss = trackRss();
  const redisCpu0 = await redisCpuSeconds(redis);
  const brokerCpu0 = await broker.cpuMicros();
  const nodeCpu0 = process.cpuUsage();
  loop.enable();
  const started = performance.now();
  const processor = await startProcessor(config, {
    name: 'bench',
    onChunk: (outcome) => {
      const now = performance.now();
      if (firstChunkAt === 0) firstChunkAt = now - outcome.seconds * 1000;
      lastChunkAt = now;
      latenciesMs.push(outcome.seconds * 1000);
      applied += outcome.stored?.applied ?? 0;
      if (applied >= count) finish();
    },
  });
  await finished;
  loop.disable();
  const markedOffline = (await processor.metrics.markedOffline.get()).values[0]?.value ?? 0;
  const nodeCpu = process.cpuUsage(nodeCpu0);
  const redisCpu = (await redisCpuSeconds(redis)) - redisCpu0;
  const brokerCpu = (await broker.cpuMicros()) - brokerCpu0;
  rss.stop();
  await processor.stop();
  const seconds = (lastChunkAt - firstChunkAt) / 1000;
  return {
    perSecond: count / seconds,
    seconds,
    startupSeconds: (firstChunkAt - started) / 1000,
    latenciesMs,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
    nodeCpuUs: (nodeCpu.user + nodeCpu.system) / count,
    redisCpuUs: (redisCpu * 1e6) / count,
    brokerCpuUs: brokerCpu / count,
    rssPeak: rss.peak(),
    markedOffline,
  };
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return read('used_cpu_user') + read('used_cpu_sys');
}

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

const mb = (bytes: number) => bytes / 1024 / 1024;

function report(r: {
  sensors: number;
  count: number;
  timed: TimedRun;
  naive: number;
  fleet: FleetStats;
  afterRun: number;
  atCaps: number;
  load: number[][];
  values: Record<string, string | boolean | undefined>;
  detector: string;
}): void {
  const t = r.timed;
  const ratio = t.perSecond / r.naive;
  const p50 = percentile(t.latenciesMs, 50);
  const p99 = percentile(t.latenciesMs, 99);
  const perSensor = r.atCaps / r.sensors;
  const load = r.load.map((l) => (l[0] ?? 0).toFixed(2)).join(' → ');
  printTable([
    { path: `wattwatch process (${r.detector} detector)`, 'readings/s': Math.round(t.perSecond) },
    { path: 'naive (eachMessage, awaited HSET + EXPIRE)', 'readings/s': Math.round(r.naive) },
  ]);
  console.log(`
readings ${r.count.toLocaleString('en-US')} of ${r.sensors.toLocaleString('en-US')} sensors in ${t.seconds.toFixed(1)} s after ${t.startupSeconds.toFixed(1)} s of connecting and joining; ratio ${ratio.toFixed(1)}x naive
CPU per reading: ${t.nodeCpuUs.toFixed(1)} µs processor, ${t.redisCpuUs.toFixed(1)} µs redis-server, ${t.brokerCpuUs.toFixed(1)} µs dev broker
chunk latency (${r.values.chunk} messages, ${r.values.concurrency} partitions at a time): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms
event-loop delay while processing: p99 ${t.loopDelayP99Ms.toFixed(1)} ms, max ${t.loopDelayMaxMs.toFixed(1)} ms
Redis memory: ${(r.afterRun / r.sensors).toFixed(0)} B/sensor after the run; ${perSensor.toFixed(0)} B/sensor with fleet history (7 days) and alerts filled to their caps
processor RSS peak ${mb(t.rssPeak).toFixed(0)} MB
load average (1 min) at start → after prefill → after processing → after naive: ${load}
fleet after the run: ${r.fleet.sensors} sensors (${r.fleet.normal} normal, ${r.fleet.warning} warning, ${r.fleet.critical} critical, ${r.fleet.offline} offline), ${r.fleet.readings} readings
sensors marked offline while processing: ${t.markedOffline} (every sensor reports each round; the sweep must allow for the backlog)`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const goal = r.detector === 'live' ? 40_000 : 50_000;
  console.log(
    `targets: >= ${goal.toLocaleString('en-US')}/s ${verdict(t.perSecond >= goal)}; >= 10x naive ${verdict(ratio >= 10)}; ` +
      `<= 2 KB/sensor ${verdict(perSensor <= 2048)}; RSS < 600 MB ${verdict(mb(t.rssPeak) < 600)}`,
  );
  writeResult('processor', {
    mode: 'kafka',
    detector: r.detector,
    options: r.values,
    readings: r.count,
    sensors: r.sensors,
    readings_per_s: Math.round(t.perSecond),
    naive_per_s: Math.round(r.naive),
    ratio: Number(ratio.toFixed(2)),
    startup_s: Number(t.startupSeconds.toFixed(2)),
    node_cpu_us_per_reading: Number(t.nodeCpuUs.toFixed(1)),
    redis_cpu_us_per_reading: Number(t.redisCpuUs.toFixed(1)),
    broker_cpu_us_per_reading: Number(t.brokerCpuUs.toFixed(1)),
    loop_delay_p99_ms: Number(t.loopDelayP99Ms.toFixed(2)),
    loop_delay_max_ms: Number(t.loopDelayMaxMs.toFixed(2)),
    chunk_p50_ms: Number(p50.toFixed(2)),
    chunk_p99_ms: Number(p99.toFixed(2)),
    redis_bytes_per_sensor_after_run: Math.round(r.afterRun / r.sensors),
    redis_bytes_per_sensor_at_caps: Math.round(perSensor),
    rss_peak_mb: Math.round(mb(t.rssPeak)),
    marked_offline_while_processing: t.markedOffline,
    load_average_1m: r.load.map((l) => l[0]),
  });
}
