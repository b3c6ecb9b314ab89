/** One serve instance in its own process for bench/api.ts (defaults, rate limit off), reporting its CPU time. */
import { DEFAULT_API_OPTIONS } from '../../src/api/api-options.ts';
import { startServer } from '../../src/api/start-server.ts';
import { DEFAULT_HUB_OPTIONS } from '../../src/api/ws/hub-options.ts';
import { configureLogging } from '../../src/log/logger.ts';
import { DEFAULT_STORE_OPTIONS } from '../../src/store/store-options.ts';

configureLogging({ level: 'warn', format: 'json' });
const server = await startServer({
  redisUrl: process.env.BENCH_REDIS_URL ?? '',
  store: DEFAULT_STORE_OPTIONS,
  api: { ...DEFAULT_API_OPTIONS, rateLimit: 0 },
  hub: { ...DEFAULT_HUB_OPTIONS, maxClients: 10_000, tickMs: Number(process.env.BENCH_TICK_MS ?? 1000) },
  host: '127.0.0.1',
  port: 0,
});
let cpu = process.cpuUsage();
process.on('message', async (m: { type: string }) => {
  if (m.type === 'mark') cpu = process.cpuUsage();
  if (m.type === 'usage') {
    const used = process.cpuUsage(cpu);
    process.send?.({ type: 'usage', cpuMicros: used.user + used.system, clients: server.hub.clientCount });
  }
  if (m.type === 'stop') {
    await server.close();
    process.send?.({ type: 'stopped' }, () => process.disconnect());
  }
});
process.send?.({ type: 'ready', url: server.url });
