/**
 * A running serve instance on a private Redis prefix (real HTTP server, real pub/sub), the real store
 * writer to feed it, and WebSocket clients (the `ws` package) that record every message with its
 * arrival time.
 */
import { WebSocket } from 'ws';
import type { ApiOptions } from '../../src/api/api-options.ts';
import type { ServerMessage } from '../../src/api/contract/ws-messages.ts';
import { type RunningServer, startServer } from '../../src/api/start-server.ts';
import { DEFAULT_HUB_OPTIONS, type HubOptions } from '../../src/api/ws/hub-options.ts';
import type { ChunkWriter } from '../../src/store/chunk-writer.ts';
import { TEST_API_OPTIONS } from './api-harness.ts';
import { createTestStore, type TestStore } from './test-store.ts';

export interface Received {
  readonly at: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields by name and assert them
  readonly message: ServerMessage & Record<string, any>;
}

export interface TestClient {
  readonly socket: WebSocket;
  readonly received: Received[];
  /** Resolves with the next message of `type` not yet taken (waits up to `timeoutMs`). */
  next(type: ServerMessage['type'], timeoutMs?: number): Promise<Received>;
  send(value: unknown): void;
  /** Resolves with the close code. */
  readonly closed: Promise<number>;
  close(): void;
}

export const TEST_HUB_OPTIONS: HubOptions = {
  ...DEFAULT_HUB_OPTIONS,
  tickMs: 100,
  producerPollMs: 50,
  alertCoalesceMs: 50,
  pingMs: 60_000,
};

export interface WsHarness {
  readonly store: TestStore;
  readonly writer: ChunkWriter;
  readonly servers: RunningServer[];
  readonly server: RunningServer;
  start(hub?: Partial<HubOptions>, api?: Partial<ApiOptions>): Promise<RunningServer>;
  connect(path?: string, options?: { protocols?: string[]; origin?: string }): Promise<TestClient>;
  cleanup(): Promise<void>;
}

export async function createWsHarness(): Promise<WsHarness> {
  const store = await createTestStore();
  const writer = store.writer();
  const servers: RunningServer[] = [];
  const clients: TestClient[] = [];
  const harness: WsHarness = {
    store,
    writer,
    servers,
    get server() {
      return servers[0] as RunningServer;
    },
    async start(hub = {}, api = {}) {
      const server = await startServer({
        redisUrl: store.url,
        store: store.options,
        api: { ...TEST_API_OPTIONS, ...api },
        hub: { ...TEST_HUB_OPTIONS, ...hub },
        host: '127.0.0.1',
        port: 0,
      });
      servers.push(server);
      return server;
    },
    async connect(path = '/ws', options = {}) {
      const client = await openClient(`${harness.server.url.replace('http', 'ws')}${path}`, options);
      clients.push(client);
      return client;
    },
    async cleanup() {
      for (const client of clients) client.socket.terminate();
      await Promise.all(servers.splice(0).map((s) => s.close()));
      await store.cleanup();
    },
  };
  return harness;
}

/** Opens a client; rejects with the HTTP status when the upgrade is refused. */
export function openClient(
  url: string,
  options: { protocols?: string[]; origin?: string } = {},
): Promise<TestClient> {
  const socket = new WebSocket(
    url,
    options.protocols ?? [],
    options.origin ? { origin: options.origin } : {},
  );
  const received: Received[] = [];
  const taken = new Set<Received>();
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    received.push({ at: performance.now(), message: JSON.parse(String(data)) });
    for (const wake of waiters) wake();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const client: TestClient = {
    socket,
    received,
    closed,
    next(type, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find((r) => r.message.type === type && !taken.has(r));
          if (!found) return false;
          taken.add(found);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no ${type} within ${timeoutMs} ms; got ${received.map((r) => r.message.type).join(',')}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    send: (value) => socket.send(JSON.stringify(value)),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}
