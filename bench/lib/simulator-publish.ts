/**
 * Publish half of bench/simulator.ts: readings/s that the simulator gets acknowledged by the dev
 * broker (in a child process) for a 100,000-sensor fleet, measured over a fixed window after a
 * warm-up, for:
 *   - the naive baseline (lib/naive-publisher.ts: producer.send of plain messages per tick);
 *   - `startSimulator` in one thread and with N worker threads, the fleet driven faster than it
 *     can publish (--interval-ms, default 250 ms = 400,000 readings/s due): the sustained rate;
 *   - N workers at 1 Hz: does a 100k fleet at its real rate keep up (sent/s, share skipped)?
 */
import { Kafka, logLevel } from 'kafkajs';
import { DEFAULT_SIMULATE_CONFIG, type SimulateConfig } from '../../src/config/simulate-config.ts';
import { configureLogging } from '../../src/log/logger.ts';
import { startSimulator } from '../../src/simulator/start-simulator.ts';
import { type BrokerProcess, startBrokerProcess } from './broker-process.ts';
import { startNaivePublisher } from './naive-publisher.ts';
import { printTable } from './report.ts';

export interface PublishOptions {
  readonly sensors: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Interval for the capacity runs: short enough that more is due than can be sent. */
  readonly intervalMs: number;
  readonly workers: number;
  readonly partitions: number;
  readonly seed: number;
}

interface Run {
  stats(): { sent: number; skipped: number };
  stop(): Promise<unknown>;
}

interface Measured {
  readonly perSecond: number;
  readonly skippedPerSecond: number;
  readonly processCpu: number;
  readonly brokerCpu: number;
}

export async function measurePublish(o: PublishOptions): Promise<Record<string, number>> {
  configureLogging({ level: 'warn' });
  const broker = await startBrokerProcess(16 * 1024 * 1024);
  const kafka = new Kafka({ clientId: 'bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const config = (name: string, intervalMs: number, workers: number): SimulateConfig => ({
    ...DEFAULT_SIMULATE_CONFIG,
    brokers: [broker.bootstrap],
    sensors: o.sensors,
    seed: o.seed,
    sensorIntervalMs: intervalMs,
    workers,
    partitions: o.partitions,
    topic: `bench-${name}`,
    heartbeatTopic: `bench-${name}-heartbeat`,
    producerId: `bench-${name}`,
  });
  const measure = async (label: string, topic: string, start: () => Promise<Run>): Promise<Measured> => {
    await admin.createTopics({ topics: [{ topic, numPartitions: o.partitions }] });
    const result = await measureRun(label, await start(), broker, o);
    await admin.deleteTopics({ topics: [topic] }); // frees the broker's memory for the next run
    return result;
  };

  const naive = await measure('naive', 'bench-naive', () =>
    startNaivePublisher({
      kafka,
      topic: 'bench-naive',
      sensors: o.sensors,
      intervalMs: o.intervalMs,
      seed: o.seed,
    }),
  );
  const single = await measure('simulator, 1 thread', 'bench-one', async () =>
    startSimulator(config('one', o.intervalMs, 1)),
  );
  const workers = await measure(`simulator, ${o.workers} workers`, 'bench-workers', async () =>
    startSimulator(config('workers', o.intervalMs, o.workers)),
  );
  const realTime = await measure(`simulator, ${o.workers} workers, 1 Hz`, 'bench-1hz', async () =>
    startSimulator(config('1hz', 1000, o.workers)),
  );
  await admin.disconnect();
  broker.stop();

  const due = (o.sensors * 1000) / o.intervalMs;
  const row = (path: string, m: Measured) => ({
    path,
    'readings/s': Math.round(m.perSecond),
    'skipped/s': Math.round(m.skippedPerSecond),
    'process CPU %': m.processCpu * 100,
    'readings/CPU-s': Math.round(m.perSecond / m.processCpu),
    'broker CPU %': m.brokerCpu * 100,
  });
  console.log(
    `\npublish: ${o.sensors.toLocaleString('en-US')} sensors into the dev broker (${o.partitions} partitions)`,
  );
  printTable([
    row(`naive: producer.send per tick, 1 thread (${fmt(due)}/s due)`, naive),
    row(`simulator, 1 thread (${fmt(due)}/s due)`, single),
    row(`simulator, ${o.workers} workers (${fmt(due)}/s due)`, workers),
    row(`simulator, ${o.workers} workers, 1 Hz (${fmt(o.sensors)}/s due)`, realTime),
  ]);
  const best = Math.max(single.perSecond, workers.perSecond);
  const skippedShare = realTime.skippedPerSecond / (realTime.perSecond + realTime.skippedPerSecond);
  console.log('process CPU %: this process and its worker threads (100 = one core); the broker runs apart.');
  console.log('readings/CPU-s: readings per second of producer CPU, the rate one free core would give.');
  const perCpu = (m: Measured) => m.perSecond / m.processCpu;
  const bestPerCpu = Math.max(perCpu(single), perCpu(workers));
  console.log(
    `simulator is ${(best / naive.perSecond).toFixed(2)}x the naive baseline in readings/s, ` +
      `${(bestPerCpu / perCpu(naive)).toFixed(2)}x per CPU-second (steadier when others share the machine)`,
  );
  console.log(
    `at 1 Hz: ${fmt(realTime.perSecond)} readings/s sent, ${(skippedShare * 100).toFixed(1)}% of due slots skipped`,
  );
  console.log(`target: >= 100,000 readings/s published (${best >= 100_000 ? 'met' : 'NOT met'})`);
  return {
    publish_sensors: o.sensors,
    publish_interval_ms: o.intervalMs,
    publish_workers: o.workers,
    publish_naive_per_s: Math.round(naive.perSecond),
    publish_one_thread_per_s: Math.round(single.perSecond),
    publish_workers_per_s: Math.round(workers.perSecond),
    publish_1hz_per_s: Math.round(realTime.perSecond),
    publish_1hz_skipped_share: Number(skippedShare.toFixed(4)),
    publish_ratio_vs_naive: Number((best / naive.perSecond).toFixed(3)),
    publish_ratio_per_cpu_vs_naive: Number((bestPerCpu / perCpu(naive)).toFixed(3)),
    publish_workers_process_cpu: Number(workers.processCpu.toFixed(3)),
    publish_workers_per_cpu_s: Math.round(workers.perSecond / workers.processCpu),
    publish_naive_per_cpu_s: Math.round(naive.perSecond / naive.processCpu),
    publish_workers_broker_cpu: Number(workers.brokerCpu.toFixed(3)),
  };
}

/** Waits for the first acknowledged reading, warms up, then measures a window with a progress line per second. */
async function measureRun(
  label: string,
  run: Run,
  broker: BrokerProcess,
  o: PublishOptions,
): Promise<Measured> {
  const deadline = Date.now() + 60_000;
  while (run.stats().sent === 0) {
    if (Date.now() > deadline) throw new Error(`${label}: nothing published within 60 s`);
    await sleep(100);
  }
  await sleep(o.warmupSeconds * 1000);
  const first = run.stats();
  const cpu = process.cpuUsage();
  const brokerCpu = await broker.cpuMicros();
  const start = performance.now();
  for (let s = 1; s <= o.seconds; s++) {
    await sleep(start + s * 1000 - performance.now());
    const now = run.stats();
    const elapsed = (performance.now() - start) / 1000;
    process.stderr.write(
      `[${label}] ${s}/${o.seconds} s: ${fmt((now.sent - first.sent) / elapsed)} readings/s, ` +
        `sent ${fmt(now.sent)}, skipped ${fmt(now.skipped)}\n`,
    );
  }
  const seconds = (performance.now() - start) / 1000;
  const last = run.stats();
  const used = process.cpuUsage(cpu);
  const brokerUsed = (await broker.cpuMicros()) - brokerCpu;
  await run.stop();
  return {
    perSecond: (last.sent - first.sent) / seconds,
    skippedPerSecond: (last.skipped - first.skipped) / seconds,
    processCpu: (used.user + used.system) / 1e6 / seconds,
    brokerCpu: brokerUsed / 1e6 / seconds,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
