/**
 * Starts one serve instance: two Redis connections (commands, and a subscriber for the processors'
 * `ww:events` notices), the app, the WebSocket hub and the HTTP server. State stays in Redis, so any
 * number of instances can run behind a load balancer; each listens to the notices itself.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Redis } from 'ioredis';
import { createLogger } from '../log/logger.ts';
import { createRedisStoreReader } from '../store/redis-store-reader.ts';
import type { StoreOptions } from '../store/store-options.ts';
import { createApiMetrics } from './api-metrics.ts';
import type { ApiOptions } from './api-options.ts';
import { type ApiServices, createApiServices } from './api-services.ts';
import { createApp } from './create-app.ts';
import { attachWebSocket } from './ws/attach-websocket.ts';
import { createHub, type Hub } from './ws/hub.ts';
import type { HubOptions } from './ws/hub-options.ts';

const log = createLogger('api.server');

export interface ServerSettings {
  readonly redisUrl: string;
  readonly store: StoreOptions;
  readonly api: ApiOptions;
  readonly hub: HubOptions;
  readonly host: string;
  /** 0 = any free port. */
  readonly port: number;
  /** Node's default process metrics on /metrics (off in tests, where many servers share a process). */
  readonly processMetrics?: boolean;
}

export interface RunningServer {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  readonly hub: Hub;
  readonly services: ApiServices;
  /** Stops accepting, closes WebSocket clients with 1001, ends HTTP connections and Redis. */
  close(): Promise<void>;
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}

/** Starts a server; resolves once it listens and receives notices. */
export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  // fail fast when Redis is unreachable at start; once connected, reconnect with backoff for ever
  let started = false;
  const retryStrategy = (times: number) => (started ? Math.min(times * 200, 2000) : null);
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true, retryStrategy });
  const subscriber = new Redis(settings.redisUrl, { lazyConnect: true, retryStrategy });
  redis.on('error', (error) => log.warn('redis error', { error }));
  subscriber.on('error', (error) => log.warn('redis subscriber error', { error }));
  try {
    await Promise.all([redis.connect(), subscriber.connect()]);
  } catch (error) {
    redis.disconnect();
    subscriber.disconnect();
    throw new Error(`Redis unreachable at ${redactUrl(settings.redisUrl)}: ${(error as Error).message}`);
  }
  started = true;
  const services = createApiServices(
    {
      reader: createRedisStoreReader(redis, settings.store),
      store: settings.store,
      ping: async () => void (await redis.ping()),
    },
    settings.api,
    createApiMetrics(settings.processMetrics ?? false),
  );
  const app = createApp(services);
  const hub = createHub(services, settings.hub);
  const ws = attachWebSocket(app, hub, settings.api);
  const server = createAdaptorServer({
    fetch: app.fetch,
    hostname: settings.host,
    port: settings.port,
  }) as Server;
  ws.injectWebSocket(server);
  subscriber.on('message', (_channel, message) => hub.notice(message));
  await subscriber.subscribe(settings.store.keys.events);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hub.start();
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${host}:${port}`,
    port,
    hub,
    services,
    async close() {
      services.stopping = true;
      await hub.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // requests in flight get a moment to finish; then their connections are ended too
      const timer = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(timer);
      await Promise.allSettled([subscriber.quit(), redis.quit()]);
    },
  };
}
