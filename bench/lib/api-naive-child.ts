/**
 * The naive baseline bench/api.ts compares serve with, over the same store: what one writes without
 * thinking about load, each part the obvious way.
 *
 *  - `/api/dashboard/stats`: the aggregates and recent history read and serialized per request
 *    (no cache);
 *  - `/api/sensors`: each filter's whole index read (ZRANGE 0 -1), intersected, sorted and paged in
 *    JS per request (the store's indexes, but no id-ordered mirrors);
 *  - `/ws`: one timer per client reading its own stats and view every tick and sending the whole
 *    view (the seed's per-client loop, with the store's real reader).
 *
 * Same process protocol as api-server-child.ts.
 */
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';
import { DEFAULT_API_OPTIONS } from '../../src/api/api-options.ts';
import type { SensorFilter } from '../../src/api/contract/sensor-filter.ts';
import { MAX_SENSOR_PAGE, MAX_WS_VIEW } from '../../src/api/contract/sensor-filter.ts';
import { parseSensorFilter } from '../../src/api/sensor-filter-params.ts';
import { readDashboardStats } from '../../src/api/views/dashboard-stats.ts';
import type { SensorState } from '../../src/domain/sensor-state.ts';
import { createRedisStoreReader } from '../../src/store/redis-store-reader.ts';
import { decodeSensorHash } from '../../src/store/sensor-hash.ts';
import { DEFAULT_STORE_OPTIONS } from '../../src/store/store-options.ts';

const store = DEFAULT_STORE_OPTIONS;
const { keys } = store;
const redis = new Redis(process.env.BENCH_REDIS_URL ?? '');
const reader = createRedisStoreReader(redis, store);
const tariff = DEFAULT_API_OPTIONS.optimizer.tariff;
const tickMs = Number(process.env.BENCH_TICK_MS ?? 1000);

async function naiveList(filter: SensorFilter): Promise<{ items: SensorState[]; next: string | null }> {
  const sets = [
    filter.status && keys.status(filter.status),
    filter.location && keys.locationIds(filter.location),
    filter.type && keys.typeIds(filter.type),
  ].filter((key): key is string => Boolean(key));
  const members = await Promise.all(
    (sets.length ? sets : [keys.sensors]).map((k) => redis.zrange(k, '0', '-1')),
  );
  const others = members.slice(1).map((m) => new Set(m));
  const after = filter.cursor ? Buffer.from(filter.cursor, 'base64url').toString() : '';
  const ids = (members[0] ?? [])
    .filter((id) => others.every((set) => set.has(id)))
    .filter((id) => id.startsWith(filter.text ?? '') && id > after)
    .sort();
  const limit = filter.limit ?? 50;
  const page = ids.slice(0, limit);
  const pipeline = redis.pipeline();
  for (const id of page) pipeline.hgetall(keys.sensor(id));
  const hashes = ((await pipeline.exec()) ?? []).map(([, v]) => v as Record<string, string>);
  const items = hashes.map(decodeSensorHash).filter((s): s is SensorState => s !== null);
  return { items, next: ids.length > limit ? (page.at(-1) ?? null) : null };
}

const app = new Hono();
app.get('/api/dashboard/stats', async (c) =>
  c.json({
    ...(await readDashboardStats(reader, store, tariff, new Date())),
    timestamp: new Date().toISOString(),
  }),
);
app.get('/api/sensors', async (c) => {
  const filter = parseSensorFilter(c.req.query(), MAX_SENSOR_PAGE);
  const { items, next } = await naiveList(filter);
  const cursor = next === null ? null : Buffer.from(next).toString('base64url');
  return c.json({
    sensors: items,
    count: items.length,
    filter,
    pagination: { limit: filter.limit ?? 50, next_cursor: cursor, has_more: cursor !== null },
    timestamp: new Date().toISOString(),
  });
});

const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
const timers = new Set<NodeJS.Timeout>();
const wss = new WebSocketServer({ server: server as never, path: '/ws' });
wss.on('connection', (ws, request) => {
  const filter = parseSensorFilter(
    Object.fromEntries(new URL(request.url ?? '/', 'http://x').searchParams),
    MAX_WS_VIEW,
  );
  const timer = setInterval(async () => {
    const ts = new Date().toISOString();
    try {
      const [stats, page] = await Promise.all([
        readDashboardStats(reader, store, tariff, new Date()),
        reader.listSensors(filter),
      ]);
      ws.send(
        JSON.stringify({
          type: 'realtime_update',
          ts,
          stats,
          sensors: page.items,
          removed: [],
          next_cursor: page.next_cursor,
        }),
      );
    } catch {}
  }, tickMs);
  timers.add(timer);
  ws.on('close', () => {
    clearInterval(timer);
    timers.delete(timer);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const { port } = server.address() as { port: number };

let cpu = process.cpuUsage();
process.on('message', async (m: { type: string }) => {
  if (m.type === 'mark') cpu = process.cpuUsage();
  if (m.type === 'usage') {
    const used = process.cpuUsage(cpu);
    process.send?.({ type: 'usage', cpuMicros: used.user + used.system });
  }
  if (m.type === 'stop') {
    for (const timer of timers) clearInterval(timer);
    for (const ws of wss.clients) ws.terminate();
    server.close();
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    redis.disconnect();
    process.send?.({ type: 'stopped' }, () => process.disconnect());
  }
});
process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
