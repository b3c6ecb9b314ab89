/**
 * One serve instance in its own process for bench/api.ts (defaults, rate limit off), reporting its
 * CPU time, the timeline of its WebSocket rounds (how long their store reads waited, the CPU their
 * diff and serialization took, how late after the deadline the fan-out began and how long it took)
 * and Redis round trips seen from this process (a PING every 100 ms), so a lag figure can be told
 * apart into waiting on Redis, serve's work, and delivery. `BENCH_READ_AHEAD_MS=0` makes rounds read
 * at their deadline instead of ahead of it (the behaviour before read-ahead, for comparison).
 */
import { Redis } from 'ioredis';
import { DEFAULT_API_OPTIONS } from '../../src/api/api-options.ts';
import { startServer } from '../../src/api/start-server.ts';
import { DEFAULT_HUB_OPTIONS } from '../../src/api/ws/hub-options.ts';
import type { RoundTiming } from '../../src/api/ws/realtime-ticker.ts';
import { configureLogging } from '../../src/log/logger.ts';
import { DEFAULT_STORE_OPTIONS } from '../../src/store/store-options.ts';

configureLogging({ level: 'warn', format: 'json' });
const server = await startServer({
  redisUrl: process.env.BENCH_REDIS_URL ?? '',
  store: DEFAULT_STORE_OPTIONS,
  api: { ...DEFAULT_API_OPTIONS, rateLimit: 0 },
  hub: {
    ...DEFAULT_HUB_OPTIONS,
    maxClients: 10_000,
    tickMs: Number(process.env.BENCH_TICK_MS ?? 1000),
    readAheadMs: Number(process.env.BENCH_READ_AHEAD_MS ?? DEFAULT_HUB_OPTIONS.readAheadMs),
  },
  host: '127.0.0.1',
  port: 0,
});
const probe = new Redis(process.env.BENCH_REDIS_URL ?? '');
let pings: number[] = [];
let rounds: RoundTiming[] = [];
server.hub.observeRounds((timing) => rounds.push(timing));
const pinger = setInterval(async () => {
  const started = performance.now();
  await probe.ping().catch(() => undefined);
  pings.push(performance.now() - started);
}, 100);

/** The upper bound of the histogram bucket holding quantile `q` of the ticks since the last mark. */
async function tickQuantile(q: number, base: Map<number, number>): Promise<number> {
  const buckets = await bucketsOf().catch(() => new Map<number, number>());
  const counts = [...buckets].map(([le, n]) => [le, n - (base.get(le) ?? 0)] as const);
  const total = counts.at(-1)?.[1] ?? 0;
  const hit = counts.find(([, n]) => n >= q * total);
  return total === 0 || !hit ? Number.NaN : hit[0] * 1000;
}

async function bucketsOf(): Promise<Map<number, number>> {
  const metric = await server.services.metrics.wsTickSeconds.get();
  return new Map(
    metric.values
      .filter((v) => v.metricName?.endsWith('_bucket'))
      .map((v) => [v.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(v.labels.le), v.value]),
  );
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

/** p50 / p99 (ms, one decimal) of each part of the rounds' timelines. */
function summarizeRounds(all: readonly RoundTiming[]): Record<string, [number, number]> {
  const parts: Record<string, (r: RoundTiming) => number> = {
    lead: (r) => r.leadMs,
    'store wait': (r) => r.readsDoneAt - r.prepareAt,
    build: (r) => r.buildMs,
    'send late': (r) => r.sendAt - r.dueAt,
    'fan-out': (r) => r.sentAt - r.sendAt,
  };
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return Object.fromEntries(
    Object.entries(parts).map(([name, of]) => {
      const values = all.map(of);
      return [name, [round1(quantile(values, 0.5)), round1(quantile(values, 0.99))]];
    }),
  );
}

let cpu = process.cpuUsage();
let ticksAtMark = await bucketsOf();
process.on('message', async (m: { type: string }) => {
  if (m.type === 'mark') {
    cpu = process.cpuUsage();
    pings = [];
    rounds = [];
    ticksAtMark = await bucketsOf();
  }
  if (m.type === 'usage') {
    const used = process.cpuUsage(cpu);
    process.send?.({
      type: 'usage',
      cpuMicros: used.user + used.system,
      clients: server.hub.clientCount,
      tickP99Ms: await tickQuantile(0.99, ticksAtMark),
      redisPingP99Ms: Math.round(quantile(pings, 0.99) * 10) / 10,
      rounds: summarizeRounds(rounds),
    });
  }
  if (m.type === 'stop') {
    clearInterval(pinger);
    probe.disconnect();
    await server.close();
    process.send?.({ type: 'stopped' }, () => process.disconnect());
  }
});
process.send?.({ type: 'ready', url: server.url });
