/**
 * API and WebSocket under load (issue 7): a private redis-server filled with `--sensors` sensors by
 * the real chunk writer, one serve instance in its own process, autocannon (in this process) for
 * HTTP, and `--clients` WebSocket clients in another process. Each scenario runs with the ingest
 * load off and/or on (`--ingest off|on|both`): a child process storing `--ingest-rate` readings/s
 * through the same writer, as processors would. Every scenario is measured on serve and on a naive
 * server over the same store (lib/api-naive-child.ts), and the ratio printed; `--servers` may add
 * `serve-at-deadline` (serve whose WebSocket rounds read Redis at their deadline, not ahead of it).
 *
 * WebSocket rows: lag = receipt − the deadline the update was due at; age = receipt − when the
 * server began reading its data (lib/ws-clients-child.ts); serve's rows add the p50/p99 of each part
 * of its rounds (store wait, build CPU, send late = fan-out start − deadline, fan-out) and a Redis
 * PING probe's p99. Alerts: one new sensor turns critical every `--alert-every` ms through the real
 * writer (with ingest on, the writers' own alerts count too); `critical_alert` latency is receipt −
 * the arrival of the processor's notice (lib/api-alerts.ts), per delivery and until all clients had it.
 *
 *   flock /tmp/wattwatch-bench.lock npm run bench -- api [--sensors 100000] [--duration 10]
 *        [--connections 20] [--clients 500] [--filters 10] [--ingest both] [--ingest-rate 10000]
 *        [--ingest-writers 8] [--ingest-lockstep] [--alert-every 250] [--servers serve,naive]
 *        [--only http,ws]
 *
 * Targets: stats >= 5,000 req/s at p99 < 20 ms; 500 clients at 1 update/s with p99 lag < 50 ms;
 * critical_alert < 200 ms from the processor's notice.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { configureLogging } from '../src/log/logger.ts';
import { createChunkWriter } from '../src/store/chunk-writer.ts';
import { startEmbeddedRedis } from '../src/store/embedded-redis.ts';
import { createFleetHistoryWriter } from '../src/store/fleet-history-writer.ts';
import { DEFAULT_STORE_OPTIONS } from '../src/store/store-options.ts';
import { alertLatency, startAlertSource } from './lib/api-alerts.ts';
import { ask, runClients, type Started, startChild, startServerChild } from './lib/api-children.ts';
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
      'alert-every': { type: 'string', default: '250' },
      'ingest-lockstep': { type: 'boolean', default: false },
      servers: { type: 'string', default: 'serve,naive' },
    },
  });
  const sensors = Number(values.sensors);
  const seconds = Number(values.duration);
  configureLogging({ level: 'warn' });
  const redisServer = await startEmbeddedRedis();
  const redis = new Redis(redisServer.url);
  const rows: Row[] = [];
  const alertRows: Row[] = [];
  let alertIndex = 0;
  try {
    const fillSeconds = await fill(redis, sensors);
    console.log(`filled ${sensors} sensors in ${fillSeconds.toFixed(1)} s`);
    const servers: [string, Started][] = [];
    for (const name of (values.servers as string).split(','))
      servers.push([name, await startServerChild(name, redisServer.url)]);
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
              BENCH_LOCKSTEP: values['ingest-lockstep'] ? '1' : '0',
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
        const clients = Number(values.clients);
        for (const [impl, server] of servers) {
          server.child.send({ type: 'mark' });
          const alerts = await startAlertSource(
            redisServer.url,
            sensors + alertIndex,
            Number(values['alert-every']),
          );
          const ws = await runClients(urlOf(server), clients, Number(values.filters), seconds);
          await alerts.stop();
          alertIndex += alerts.noticeAt.size + 1_000;
          const usage = await ask(server.child, 'usage');
          const alertRow = alertLatency(ws.alerts as Record<string, number[]>, alerts.noticeAt, clients);
          if (alertRow.bursts > 0) alertRows.push({ server: impl, ingest: mode, ...alertRow });
          measured.push({
            scenario: `ws ${values.clients} clients, ${values.filters} views`,
            server: impl,
            ingest: mode,
            'req/s': Math.round(ws.perSecond as number),
            'p50 ms': ws.p50 as number,
            'p99 ms': ws.p99 as number,
            'max ms': ws.max as number,
            'age p50/p99 ms': `${Math.round(ws.ageP50 as number)} / ${Math.round(ws.ageP99 as number)}`,
            errors: ws.closedEarly as number,
            'server cpu %': Math.round((usage.cpuMicros as number) / 1e4 / (seconds + 2)),
            // serve only: its tick time (histogram bucket bound) and Redis PING round trips meanwhile
            ...(usage.tickP99Ms === undefined
              ? {}
              : {
                  'redis p99 ms': usage.redisPingP99Ms as number,
                  ...roundColumns(usage.rounds as Record<string, [number, number]>),
                }),
          });
        }
        rows.push(...withRatio(measured, 'p99 ms'));
        for (const row of measured) console.log(JSON.stringify(row));
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
    console.log('\n(ws rows: req/s = deliveries/s, latency = lag from the deadline an update was due at to');
    console.log(
      ' receipt, age = from when its data was read to receipt; serve rows: round parts p50 / p99 ms)',
    );
    console.log('(x naive: req/s ratio for HTTP, naive p99 / serve p99 for WebSocket; higher is better)');
    printTable(rows);
    console.log(
      "\ncritical_alert: ms from the processor's notice to receipt (per delivery; per burst until all clients had it)",
    );
    printTable(alertRows);
    writeResult('api', { sensors, seconds, connections: Number(values.connections), rows, alertRows });
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

/** Adds `x naive` to the other rows: their throughput over naive's, or naive's latency over theirs. */
function withRatio(measured: Row[], by: 'req/s' | 'p99 ms'): Row[] {
  const naive = measured.find((row) => row.server === 'naive');
  if (!naive) return measured;
  return measured.map((row) => {
    if (row === naive) return row;
    const a = Number(row[by]);
    const b = Number(naive[by]);
    const ratio = by === 'req/s' ? a / b : b / a;
    return { ...row, 'x naive': Number.isFinite(ratio) ? `${ratio.toFixed(1)}x` : 'n/a' };
  });
}

/** serve's round parts as `p50 / p99` columns. */
function roundColumns(parts: Record<string, [number, number]>): Row {
  return Object.fromEntries(Object.entries(parts).map(([name, [p50, p99]]) => [name, `${p50} / ${p99}`]));
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
