/**
 * API and WebSocket under load (issue 7): a private redis-server filled with `--sensors` sensors by
 * the real chunk writer, one serve instance in its own process, autocannon (in this process) for
 * HTTP, and `--clients` WebSocket clients in another process. Each scenario runs with the ingest
 * load off and/or on (`--ingest off|on|both`): a child process storing `--ingest-rate` readings/s
 * through the same writer, as processors would. Every scenario is measured on serve and on a naive
 * server over the same store (lib/api-naive-child.ts), and the ratio printed.
 *
 *   flock /tmp/wattwatch-bench.lock npm run bench -- api [--sensors 100000] [--duration 10]
 *        [--connections 20] [--clients 500] [--filters 10] [--ingest both] [--ingest-rate 10000]
 *        [--ingest-writers 8]
 *        [--only http,ws]
 *
 * Targets: stats >= 5,000 req/s at p99 < 20 ms; 500 clients at 1 update/s with p99 lag < 50 ms.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { configureLogging } from '../src/log/logger.ts';
import { createChunkWriter } from '../src/store/chunk-writer.ts';
import { startEmbeddedRedis } from '../src/store/embedded-redis.ts';
import { createFleetHistoryWriter } from '../src/store/fleet-history-writer.ts';
import { DEFAULT_STORE_OPTIONS } from '../src/store/store-options.ts';
import { apiBenchReading } from './lib/api-fleet.ts';
import { printTable, type Row, writeResult } from './lib/report.ts';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sensors: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '20' },
      clients: { type: 'string', default: '500' },
      filters: { type: 'string', default: '10' },
      ingest: { type: 'string', default: 'both' },
      'ingest-rate': { type: 'string', default: '10000' },
      'ingest-writers': { type: 'string', default: '8' },
      only: { type: 'string', default: 'http,ws' },
    },
  });
  const sensors = Number(values.sensors);
  const seconds = Number(values.duration);
  configureLogging({ level: 'warn' });
  const redisServer = await startEmbeddedRedis();
  const redis = new Redis(redisServer.url);
  const rows: Row[] = [];
  try {
    const fillSeconds = await fill(redis, sensors);
    console.log(`filled ${sensors} sensors in ${fillSeconds.toFixed(1)} s`);
    const servers: [string, Started][] = [
      ['serve', await startChild('api-server-child.ts', { BENCH_REDIS_URL: redisServer.url })],
      ['naive', await startChild('api-naive-child.ts', { BENCH_REDIS_URL: redisServer.url })],
    ];
    const urlOf = (server: Started) => (server.message as { url: string }).url;
    const cursor = await midCursor(urlOf(servers[0]?.[1] as Started), sensors);
    const modes = values.ingest === 'both' ? ['off', 'on'] : [values.ingest as string];
    const target = Number(values['ingest-rate']);
    for (const mode of modes) {
      const ingest =
        mode === 'on'
          ? await startChild('ingest-child.ts', {
              BENCH_REDIS_URL: redisServer.url,
              BENCH_SENSORS: String(sensors),
              BENCH_RATE: String(target),
              BENCH_WRITERS: values['ingest-writers'] as string,
            })
          : null;
      if (ingest) await new Promise((r) => setTimeout(r, 2000));
      for (const [name, paths] of values.only?.includes('http') ? httpScenarios(cursor) : []) {
        const measured: Row[] = [];
        for (const [impl, server] of servers) {
          const url = urlOf(server);
          const connections = Number(values.connections);
          await autocannon({ url, connections, duration: 2, requests: paths });
          server.child.send({ type: 'mark' });
          const result = await autocannon({ url, connections, duration: seconds, requests: paths });
          const usage = await ask(server.child, 'usage');
          measured.push({
            scenario: name,
            server: impl,
            ingest: mode,
            'req/s': Math.round(result.requests.average),
            'p50 ms': result.latency.p50,
            'p99 ms': result.latency.p99,
            'max ms': result.latency.max,
            errors: result.errors + result.timeouts + result.non2xx,
            'server cpu %': Math.round((usage.cpuMicros as number) / 1e4 / result.duration),
          });
        }
        rows.push(...withRatio(measured, 'req/s'));
      }
      if (values.only?.includes('ws')) {
        const measured: Row[] = [];
        for (const [impl, server] of servers) {
          server.child.send({ type: 'mark' });
          const ws = await runClients(urlOf(server), Number(values.clients), Number(values.filters), seconds);
          const usage = await ask(server.child, 'usage');
          measured.push({
            scenario: `ws ${values.clients} clients, ${values.filters} views`,
            server: impl,
            ingest: mode,
            'req/s': Math.round(ws.perSecond as number),
            'p50 ms': ws.p50 as number,
            'p99 ms': ws.p99 as number,
            'max ms': ws.max as number,
            errors: ws.closedEarly as number,
            'server cpu %': Math.round((usage.cpuMicros as number) / 1e4 / (seconds + 2)),
            // serve only: its tick time (histogram bucket bound) and Redis PING round trips meanwhile
            ...(usage.tickP99Ms === undefined
              ? {}
              : {
                  'tick p99 ≤ ms': usage.tickP99Ms as number,
                  'redis p99 ms': usage.redisPingP99Ms as number,
                }),
          });
        }
        rows.push(...withRatio(measured, 'p99 ms'));
      }
      if (ingest) {
        const done = await ask(ingest.child, 'stop', 'done');
        const achieved = Math.round(done.rate as number);
        rows.push({ scenario: 'ingest achieved (readings/s)', server: '', ingest: mode, 'req/s': achieved });
        if (achieved < target * 0.95)
          console.log(`WARNING: ingest reached ${achieved} readings/s, short of the ${target}/s asked`);
      }
    }
    for (const [, server] of servers) await ask(server.child, 'stop', 'stopped');
    console.log('\n(ws rows: req/s = deliveries/s, latency = lag from the tick start to receipt)');
    console.log('(x naive: req/s ratio for HTTP, naive p99 / serve p99 for WebSocket; higher is better)');
    printTable(rows);
    writeResult('api', { sensors, seconds, connections: Number(values.connections), rows });
  } finally {
    redis.disconnect();
    await redisServer.stop();
  }
}

/** Fills the store with every sensor once, through the real writer (4 at a time, as processors would). */
async function fill(redis: Redis, sensors: number): Promise<number> {
  const writer = createChunkWriter(redis, {
    store: DEFAULT_STORE_OPTIONS,
    fleetHistory: createFleetHistoryWriter(redis, DEFAULT_STORE_OPTIONS),
  });
  const started = performance.now();
  const chunks = Array.from({ length: Math.ceil(sensors / 500) }, (_, c) => c * 500);
  const next = async () => {
    for (let from = chunks.shift(); from !== undefined; from = chunks.shift()) {
      await writer.write(
        Array.from({ length: Math.min(500, sensors - from) }, (_, i) => apiBenchReading(from + i, 0)),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, next));
  return (performance.now() - started) / 1000;
}

/** Adds `x naive` to serve's row: its throughput over naive's, or naive's latency over its own. */
function withRatio(measured: Row[], by: 'req/s' | 'p99 ms'): Row[] {
  const [serve, naive] = measured as [Row, Row];
  const a = Number(serve[by]);
  const b = Number(naive[by]);
  const ratio = by === 'req/s' ? a / b : b / a;
  return [{ ...serve, 'x naive': Number.isFinite(ratio) ? `${ratio.toFixed(1)}x` : 'n/a' }, naive];
}

function httpScenarios(cursor: string): [string, { path: string }[]][] {
  return [
    ['GET /api/dashboard/stats', [{ path: '/api/dashboard/stats' }]],
    [
      'GET /api/sensors (filtered, paged)',
      [
        { path: '/api/sensors?status=warning&limit=50' },
        { path: '/api/sensors?status=critical&location=floor_b&limit=50' },
        { path: '/api/sensors?type=pump&location=floor_a&limit=100' },
        { path: '/api/sensors?text=sensor_04&limit=50' },
        { path: `/api/sensors?limit=50&cursor=${cursor}` },
        { path: `/api/sensors?status=normal&limit=50&cursor=${cursor}` },
      ],
    ],
  ];
}

/** A cursor from the middle of the fleet, so paging is measured away from the start. */
async function midCursor(url: string, sensors: number): Promise<string> {
  const middle = `sensor_${String(Math.floor(sensors / 2)).padStart(6, '0')}`;
  const body = (await (await fetch(`${url}/api/sensors?limit=1&text=${middle}`)).json()) as {
    pagination: { next_cursor: string | null };
  };
  return body.pagination.next_cursor ?? Buffer.from(middle).toString('base64url');
}

async function runClients(url: string, count: number, filters: number, seconds: number) {
  const views = Array.from({ length: filters }, (_, i) =>
    i === 0
      ? 'limit=50'
      : i % 3 === 1
        ? `status=warning&limit=50&text=sensor_0${i % 10}`
        : `type=pump&limit=50&text=sensor_${i % 10}`,
  );
  const clients = await startChild('ws-clients-child.ts', {});
  clients.child.send({ type: 'go', url, count, filters: views, seconds });
  return waitFor(clients.child, 'done');
}

interface Started {
  readonly child: ChildProcess;
  readonly message: unknown;
}

function startChild(file: string, env: Record<string, string>): Promise<Started> {
  const child = fork(new URL(`./lib/${file}`, import.meta.url), {
    // BENCH_PROFILE=1 writes a CPU profile of the server to bench/out/api-profile
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE && file === 'api-server-child.ts'
        ? ['--cpu-prof', '--cpu-prof-dir=bench/out/api-profile']
        : []),
    ],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => resolve({ child, message }));
  });
}

function ask(child: ChildProcess, type: string, reply = type): Promise<Record<string, unknown>> {
  const answer = waitFor(child, reply);
  child.send({ type });
  return answer;
}

function waitFor(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
  });
}
