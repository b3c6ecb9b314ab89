/**
 * End-to-end load benchmark (issue 9): the whole pipeline as separate processes on this machine —
 * dev broker, `simulate`, `process` (one or more), `serve` and a private redis-server — at a given
 * fleet size and rate, for a given time.
 *
 *   npm run bench -- e2e [--sensors 10000] [--rate 1] [--duration 300] [--warmup 30] [--processes 1]
 *                        [--sample 200] [--poll-ms 50]
 *
 * Prints a progress line every 5 s, then sustained readings/s (stored in Redis), end-to-end latency
 * p50/p99 (reading timestamp to visible in Redis, sampled on --sample sensors), consumer lag over time
 * and its trend, and CPU and memory per process; JSON goes to bench/out/e2e.json. The first --warmup
 * seconds (models train, the group settles) are left out of every figure. Target: 10,000 sensors at
 * 1 Hz for 5 minutes with p99 < 1 s and lag that does not grow. No naive baseline: the question here
 * is capacity against that target; the component benchmarks carry the baselines.
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { startEmbeddedRedis } from '../src/store/embedded-redis.ts';
import { parseFleetStats } from '../src/store/fleet-stats.ts';
import { createKeys } from '../src/store/keys.ts';
import { quantile, startLatencySampler } from './lib/latency-sampler.ts';
import { procUsage } from './lib/proc-usage.ts';
import { printTable, type Row, writeResult } from './lib/report.ts';
import { startWattwatch, type WattwatchChild } from './lib/wattwatch-child.ts';

const TICK_MS = 5000;
const GROUP = 'energy-monitor-consumer-group';
const TOPIC = 'sensor-data';

interface Sample {
  readonly t: number;
  readonly produced: number;
  readonly committed: number;
  readonly stored: number;
  readonly lag: number;
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sensors: { type: 'string', default: '10000' },
      rate: { type: 'string', default: '1' },
      duration: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '30' },
      processes: { type: 'string', default: '1' },
      sample: { type: 'string', default: '200' },
      'poll-ms': { type: 'string', default: '50' },
    },
  });
  const sensors = Number(values.sensors);
  const rate = Number(values.rate);
  const durationS = Number(values.duration);
  const warmupS = Number(values.warmup);
  const intervalMs = Math.round(1000 / rate);
  const offered = (sensors * 1000) / intervalMs;
  console.log(
    `e2e: ${sensors.toLocaleString('en-US')} sensors at ${rate} Hz (${offered.toLocaleString('en-US')} readings/s) ` +
      `for ${durationS} s after ${warmupS} s warm-up, ${values.processes} process instance(s)`,
  );

  const redisServer = await startEmbeddedRedis();
  const redis = new Redis(redisServer.url);
  const parts: WattwatchChild[] = [];
  const pids: Record<string, number> = {};
  const common = { SENSOR_INTERVAL_MS: String(intervalMs), KAFKAJS_NO_PARTITIONER_WARNING: '1' };
  try {
    const broker = startWattwatch('broker', ['broker', '--broker-port', '0'], {});
    parts.push(broker);
    const bootstrap = (await broker.waitFor((l) => l.startsWith('KAFKA_BROKERS='))).split('=')[1] as string;
    const kafkaEnv = { ...common, KAFKA_BROKERS: bootstrap, REDIS_URL: redisServer.url };
    for (let i = 1; i <= Number(values.processes); i++)
      parts.push(startWattwatch(`process-${i}`, ['process'], { ...kafkaEnv, PROCESS_METRICS_PORT: '0' }));
    const serve = startWattwatch('serve', ['serve'], { ...kafkaEnv, API_PORT: '0' });
    parts.push(serve);
    await serve.waitFor((l) => l.startsWith('wattwatch serve: '));

    const kafka = new Kafka({ brokers: [bootstrap], clientId: 'bench-e2e', logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await waitForGroup(admin, Number(values.processes));
    const simulate = startWattwatch('simulate', ['simulate'], {
      ...kafkaEnv,
      TOTAL_SENSORS: String(sensors),
      SENSOR_JITTER: '0', // a reading's ts is then the moment it fell due: the latency's start
    });
    parts.push(simulate);
    for (const part of parts) pids[part.name] = part.child.pid as number;
    pids['redis-server'] = redisServer.pid as number;
    pids.bench = process.pid;

    const keys = createKeys();
    const width = Math.max(3, String(sensors - 1).length);
    const sampleKeys = Array.from({ length: Math.min(sensors, Number(values.sample)) }, (_, i) =>
      keys.sensor(`sensor_${String(Math.floor((i * sensors) / Number(values.sample))).padStart(width, '0')}`),
    );
    const sampler = startLatencySampler(redis, sampleKeys, Number(values['poll-ms']));

    const measure = async (t: number): Promise<Sample> => {
      const [high, committed, stats] = await Promise.all([
        admin.fetchTopicOffsets(TOPIC),
        admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] }),
        redis.hgetall(keys.stats),
      ]);
      const produced = high.reduce((sum, p) => sum + Number(p.high), 0);
      const done = (committed[0]?.partitions ?? []).reduce(
        (sum, p) => sum + Math.max(0, Number(p.offset)),
        0,
      );
      return { t, produced, committed: done, stored: parseFleetStats(stats).readings, lag: produced - done };
    };

    const started = performance.now();
    const samples: Sample[] = [];
    const latencies: number[] = [];
    const usageAtStart: Record<string, number> = {};
    const maxRss: Record<string, number> = {};
    let measuredFrom: Sample | null = null;
    const tty = process.stderr.isTTY === true;
    while ((performance.now() - started) / 1000 < warmupS + durationS) {
      await new Promise((r) => setTimeout(r, TICK_MS));
      const t = Math.round((performance.now() - started) / 1000);
      const sample = await measure(t);
      const fresh = sampler.drain();
      for (const [name, pid] of Object.entries(pids)) {
        const usage = procUsage(pid);
        if (!usage) continue;
        maxRss[name] = Math.max(maxRss[name] ?? 0, usage.rssMb);
        if (!measuredFrom) usageAtStart[name] = usage.cpuSeconds;
      }
      if (t >= warmupS) {
        if (!measuredFrom) measuredFrom = sample;
        else latencies.push(...fresh);
        samples.push(sample);
      }
      const previous = samples.at(-2);
      const storedRate = previous
        ? (sample.stored - previous.stored) / (sample.t - previous.t || 1)
        : Number.NaN;
      const line =
        `${t >= warmupS ? 'measuring' : 'warm-up'} t=${t}s stored ${fmt(storedRate)}/s lag ${fmt(sample.lag)} ` +
        `p50 ${fmt(quantile(fresh, 0.5))} ms p99 ${fmt(quantile(fresh, 0.99))} ms`;
      process.stderr.write(tty ? `\r${line.padEnd(100)}` : `${line}\n`);
    }
    if (tty) process.stderr.write('\n');
    sampler.stop();
    const last = samples.at(-1) as Sample;
    const first = measuredFrom as Sample;
    const seconds = last.t - first.t;
    const cpu: Row[] = Object.entries(pids).map(([name, pid]) => {
      const now = procUsage(pid);
      const used = now ? now.cpuSeconds - (usageAtStart[name] ?? 0) : Number.NaN;
      return { process: name, 'CPU cores': used / seconds, 'max RSS MB': Math.round(maxRss[name] ?? 0) };
    });
    const lagTrend = slope(samples.map((s) => [s.t, s.lag]));
    const result = {
      sensors,
      rate_hz: rate,
      offered_per_s: offered,
      duration_s: seconds,
      warmup_s: warmupS,
      processes: Number(values.processes),
      produced_per_s: (last.produced - first.produced) / seconds,
      stored_per_s: (last.stored - first.stored) / seconds,
      latency_ms: {
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        max: quantile(latencies, 1),
        samples: latencies.length,
      },
      lag: {
        start: first.lag,
        end: last.lag,
        max: Math.max(...samples.map((s) => s.lag)),
        trend_per_s: lagTrend,
        series: samples.map((s) => ({ t: s.t, lag: s.lag })),
      },
      per_process: cpu,
    };
    // lag "grows" when its trend would add more than a second of readings over the run
    const growing = lagTrend * seconds > offered;
    const sustained = result.latency_ms.p99 < 1000 && !growing && result.stored_per_s >= 0.98 * offered;

    console.log('');
    printTable([
      {
        'offered/s': offered,
        'produced/s': result.produced_per_s,
        'stored/s': result.stored_per_s,
        'p50 ms': result.latency_ms.p50,
        'p99 ms': result.latency_ms.p99,
        'lag start': first.lag,
        'lag end': last.lag,
        'lag max': result.lag.max,
        'lag trend/s': lagTrend,
        sustained: sustained ? 'yes' : 'NO',
      },
    ]);
    console.log('\nconsumer lag over time (readings produced but not yet committed):');
    console.log(samples.map((s) => `${s.t}s:${s.lag}`).join('  '));
    console.log('');
    printTable(cpu);
    writeResult('e2e', { ...result, lag_growing: growing, sustained });
    await admin.disconnect();
  } finally {
    for (const part of parts.reverse()) await part.stop();
    redis.disconnect();
    await redisServer.stop();
  }
}

/** Waits until the consumer group has `members` members and is stable, so simulate starts into a ready consumer. */
async function waitForGroup(admin: ReturnType<Kafka['admin']>, members: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { groups } = await admin.describeGroups([GROUP]);
    const group = groups[0];
    if (group?.state === 'Stable' && group.members.length >= members) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the consumer group did not become stable in 2 minutes');
}

/** Least-squares slope of y over x. */
function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function fmt(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-';
}
