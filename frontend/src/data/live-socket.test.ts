/** The socket module against a real WebSocket server (the `ws` package), speaking the /ws contract. */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { ServerMessage } from '../contract.ts';
import {
  type ConnectionInfo,
  DEFAULT_LIVE_SOCKET_OPTIONS,
  LiveSocket,
  type SocketLike,
} from './live-socket.ts';
import { initialData } from './test-messages.ts';

interface Harness {
  readonly server: WebSocketServer;
  readonly urls: string[];
  readonly received: string[];
  readonly messages: ServerMessage[];
  readonly states: ConnectionInfo['state'][];
  readonly infos: ConnectionInfo[];
  readonly socket: LiveSocket;
}

const open: Harness[] = [];

afterEach(async () => {
  for (const h of open.splice(0)) {
    h.socket.stop();
    for (const client of h.server.clients) client.terminate();
    await new Promise((resolve) => h.server.close(resolve));
  }
});

async function harness(
  onConnection: (ws: WebSocket, count: number) => void,
  options: { staleAfterMs?: number; token?: string } = {},
): Promise<Harness> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const urls: string[] = [];
  const received: string[] = [];
  server.on('connection', (ws, request) => {
    urls.push(request.url ?? '');
    ws.on('message', (data) => received.push(String(data)));
    onConnection(ws, urls.length);
  });
  const { port } = server.address() as AddressInfo;
  const messages: ServerMessage[] = [];
  const states: ConnectionInfo['state'][] = [];
  const infos: ConnectionInfo[] = [];
  const socket = new LiveSocket(
    {
      ...DEFAULT_LIVE_SOCKET_OPTIONS,
      url: `ws://127.0.0.1:${port}/ws`,
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      backoff: { baseMs: 20, maxMs: 100, jitter: 0 },
      staleAfterMs: options.staleAfterMs ?? 5000,
      token: () => options.token ?? null,
    },
    {
      onMessage: (m) => messages.push(m),
      onConnection: (info) => {
        infos.push(info);
        if (states.at(-1) !== info.state) states.push(info.state);
      },
    },
  );
  const h = { server, urls, received, messages, states, infos, socket };
  open.push(h);
  return h;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('LiveSocket', () => {
  it('connects with its view and token in the URL and is live after the snapshot', async () => {
    const h = await harness((ws) => ws.send(JSON.stringify(initialData())), { token: 's3cret' });
    h.socket.start({ status: 'critical', location: 'floor_a', limit: 20 });
    await until(() => h.socket.connection.state === 'live', 'live');
    const url = new URL(h.urls[0]!, 'ws://x');
    expect(url.pathname).toBe('/ws');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'critical',
      location: 'floor_a',
      limit: '20',
      token: 's3cret',
    });
    expect(h.messages.map((m) => m.type)).toEqual(['initial_data']);
    expect(h.states).toEqual(['connecting', 'live']);
  });

  it('sends a subscribe when the view changes while connected', async () => {
    const h = await harness((ws) => ws.send(JSON.stringify(initialData())));
    h.socket.start({});
    await until(() => h.socket.connection.state === 'live', 'live');
    h.socket.setFilter({ type: 'pump', text: 'sensor_00' });
    await until(() => h.received.length === 1, 'the subscribe message');
    expect(JSON.parse(h.received[0]!)).toEqual({
      type: 'subscribe',
      filter: { type: 'pump', text: 'sensor_00' },
    });
  });

  it('reconnects after the server drops it and resyncs from a fresh snapshot with the current view', async () => {
    const h = await harness((ws, count) => {
      ws.send(JSON.stringify(initialData()));
      if (count === 1) setTimeout(() => ws.terminate(), 20);
    });
    h.socket.start({});
    await until(() => h.socket.connection.state === 'live', 'live');
    h.socket.setFilter({ status: 'warning' });
    await until(() => h.urls.length === 2 && h.socket.connection.state === 'live', 'the second connection');
    expect(new URL(h.urls[1]!, 'ws://x').searchParams.get('status')).toBe('warning');
    expect(h.messages.filter((m) => m.type === 'initial_data')).toHaveLength(2);
    expect(h.states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(h.socket.connection.attempt).toBe(0);
  });

  it('keeps retrying with backoff while the server is away', async () => {
    const h = await harness((ws) => ws.close(1013, 'too many clients'));
    h.socket.start({});
    await until(() => h.urls.length >= 3, 'three attempts');
    expect(h.socket.connection.state).toBe('reconnecting');
    expect(h.socket.connection.attempt).toBeGreaterThanOrEqual(2);
    // each failure schedules the next attempt (retryAt is cleared again while an attempt is under way)
    const scheduled = h.infos.filter((i) => i.retryAt !== null).map((i) => i.attempt);
    expect(scheduled.slice(0, 2)).toEqual([1, 2]);
  });

  it('gives up on a connection that goes silent and opens a new one', async () => {
    // the first connection sends its snapshot, then nothing: a half-open connection looks like this
    const h = await harness((ws) => ws.send(JSON.stringify(initialData())), { staleAfterMs: 200 });
    h.socket.start({});
    await until(() => h.urls.length >= 2, 'a second connection');
    expect(h.states.slice(0, 3)).toEqual(['connecting', 'live', 'reconnecting']);
  });

  it('ignores messages that are not JSON envelopes of a known type', async () => {
    const h = await harness((ws) => {
      ws.send('not json');
      ws.send(JSON.stringify({ type: 'mystery', ts: '' }));
      ws.send(JSON.stringify(42));
      ws.send(JSON.stringify(initialData()));
    });
    h.socket.start({});
    await until(() => h.socket.connection.state === 'live', 'live');
    expect(h.messages.map((m) => m.type)).toEqual(['initial_data']);
  });

  it('stops for good when stopped', async () => {
    const h = await harness((ws) => ws.send(JSON.stringify(initialData())));
    h.socket.start({});
    await until(() => h.socket.connection.state === 'live', 'live');
    h.socket.stop();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.urls).toHaveLength(1);
    expect(h.socket.connection.state).toBe('stopped');
  });
});
