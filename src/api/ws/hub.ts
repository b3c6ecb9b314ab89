/**
 * The WebSocket hub of one serve instance: its clients, their views and the messages they get. One
 * computation per round feeds every client (realtime-round.ts: each distinct filter, a view group,
 * is read once and its update serialized and encoded once for all its clients), paced by
 * realtime-ticker.ts, which reads ahead of each deadline and sends on it. Nothing is queued per client:
 * a client whose socket buffer exceeds the bound is dropped (it reconnects and resyncs), so memory
 * stays bounded by clients × bound. Alerts arrive through `notice` (the processors' pub/sub notices)
 * and go out in coalesced bursts (alert-sender.ts); producer transitions come from polling heartbeats
 * (producer-announcer.ts).
 */
import { createLogger } from '../../log/logger.ts';
import { ApiError } from '../api-error.ts';
import type { ApiServices } from '../api-services.ts';
import type { SensorFilter } from '../contract/sensor-filter.ts';
import { type ServerMessage, WS_CLOSE_GOING_AWAY, WS_CLOSE_TOO_MANY } from '../contract/ws-messages.ts';
import { createRateLimiter, type RateLimiter } from '../middleware/rate-limit.ts';
import { createCached } from '../views/cached.ts';
import { createAlertSender } from './alert-sender.ts';
import { parseClientMessage } from './client-message.ts';
import type { FanOut } from './fan-out.ts';
import type { HubOptions } from './hub-options.ts';
import type { HubSocket } from './hub-socket.ts';
import { createProducerAnnouncer } from './producer-announcer.ts';
import { createProducerMonitor } from './producer-monitor.ts';
import { createRealtimeTicker, type RoundTiming } from './realtime-ticker.ts';
import type { ViewGroup } from './view-group.ts';
import { createViewGroups } from './view-groups.ts';

const log = createLogger('api.ws');

/** What the connection handler forwards to the hub. */
export interface HubConnection {
  message(text: string): void;
  pong(): void;
  closed(): void;
}

export interface Hub {
  /** Adds a client with its initial view; it gets initial_data, then updates. */
  open(socket: HubSocket, filter: SensorFilter): HubConnection;
  /** A processor notice from `ww:events`. */
  notice(raw: string): void;
  readonly clientCount: number;
  /** Calls `listener` with the timeline of every realtime_update round sent (benchmarks, diagnostics). */
  observeRounds(listener: (timing: RoundTiming) => void): void;
  start(): void;
  /** Closes every client with 1001 and stops the timers. */
  stop(): Promise<void>;
}

interface Client {
  readonly socket: HubSocket;
  group: ViewGroup<Client> | null;
  /** False until initial_data (or a subscribe's snapshot) went out: updates wait for it. */
  ready: boolean;
  alive: boolean;
  closed: boolean;
  /** Serializes the client's subscribes. */
  chain: Promise<void>;
  readonly limiter: RateLimiter;
}

export function createHub(s: ApiServices, options: HubOptions): Hub {
  const clients = new Set<Client>();
  const groups = createViewGroups<Client>(s.reader);
  const criticalList = createCached(() => s.reader.listSensors({ status: 'critical', limit: 10 }), {
    ttlMs: options.tickMs,
    maxStaleMs: options.tickMs * 5,
  });
  const producers = createProducerMonitor(s.reader, s.now);
  const timers: NodeJS.Timeout[] = [];
  const roundObservers: ((timing: RoundTiming) => void)[] = [];
  let running = false;
  const now = () => s.now().toISOString();

  /** Writes `data` to `client` unless it is too far behind (then it is dropped); true when sent. */
  const write = (client: Client, data: string | Buffer): boolean => {
    if (client.closed) return false;
    if (client.socket.bufferedAmount > options.maxBufferBytes) {
      drop(client, 'slow');
      return false;
    }
    client.socket.send(data);
    return true;
  };
  const sendJson = (client: Client, message: ServerMessage) => {
    if (write(client, JSON.stringify(message))) s.metrics.wsMessages.inc({ type: message.type });
  };
  const fanOut: FanOut<Client> = (data, type, targets = clients) => {
    const frame = typeof data === 'string' ? Buffer.from(data) : data;
    let sent = 0;
    for (const client of targets) if (client.ready && write(client, frame)) sent++;
    if (sent > 0) s.metrics.wsMessages.inc({ type }, sent);
  };
  const alerts = createAlertSender(s, options.alertCoalesceMs, now, fanOut);
  const pollProducers = createProducerAnnouncer(producers, now, fanOut);
  const ticker = createRealtimeTicker<Client>(
    {
      s,
      producers,
      groups: () => groups.all(),
      send: ({ group, frame }) => fanOut(frame, 'realtime_update', group.clients),
      observe: (timing) => {
        for (const observer of roundObservers) observer(timing);
      },
    },
    options,
  );
  const forget = (client: Client) => {
    if (client.closed) return;
    client.closed = true;
    groups.leave(client);
    clients.delete(client);
    s.metrics.wsClients.set(clients.size);
  };
  function drop(client: Client, reason: 'slow' | 'no_pong') {
    log.info('dropping client', { reason, buffered: client.socket.bufferedAmount });
    s.metrics.wsDropped.inc({ reason });
    forget(client);
    client.socket.terminate();
  }

  /** Puts `client` in the group of `filter` and answers its snapshot. */
  async function view(client: Client, filter: SensorFilter) {
    const page = await groups.join(client, filter);
    return { filter, sensors: page.items, next_cursor: page.next_cursor };
  }

  /**
   * Joins the view group last: from the page the client gets until it is ready, no update round can
   * go out in between (both happen in one continuation), so it misses none of the group's diffs.
   */
  async function greet(client: Client, filter: SensorFilter) {
    const [stats, producerStatus, critical] = await Promise.all([
      s.stats.get(),
      producers.current() ?? s.producers.get(),
      criticalList.get(),
    ]);
    const snapshot = await view(client, filter);
    sendJson(client, {
      type: 'initial_data',
      ts: now(),
      stats,
      producer_status: producerStatus,
      critical_sensors: { count: stats.status_critical, sensors: critical.items },
      view: snapshot,
      tick_ms: options.tickMs,
    });
    client.ready = true;
  }

  function handle(client: Client, text: string) {
    try {
      const message = parseClientMessage(text);
      if (message.type === 'ping')
        return sendJson(client, {
          type: 'pong',
          ts: now(),
          ...(message.nonce ? { nonce: message.nonce } : {}),
        });
      if (client.limiter.take('') > 0) throw new ApiError(429, 'rate_limited', 'too many subscribe messages');
      client.chain = client.chain
        .then(async () => {
          client.ready = false;
          const snapshot = await view(client, message.filter);
          sendJson(client, { type: 'subscribed', ts: now(), view: snapshot });
          client.ready = true;
        })
        .catch((error) => failed(client, error));
    } catch (error) {
      failed(client, error);
    }
  }

  function failed(client: Client, error: unknown) {
    if (error instanceof ApiError) {
      sendJson(client, { type: 'error', ts: now(), error: { code: error.code, message: error.message } });
    } else {
      log.warn('client request failed', { error });
      sendJson(client, {
        type: 'error',
        ts: now(),
        error: { code: 'unavailable', message: 'could not read the store; retry' },
      });
    }
    client.ready = client.group !== null;
  }

  function pingAll() {
    for (const client of [...clients]) {
      if (!client.alive) drop(client, 'no_pong');
      else {
        client.alive = false;
        client.socket.ping();
      }
    }
  }

  return {
    open(socket, filter) {
      const client: Client = {
        socket,
        group: null,
        ready: false,
        alive: true,
        closed: false,
        chain: Promise.resolve(),
        limiter: createRateLimiter(options.subscribesPerSecond, Date.now, 1),
      };
      const connection: HubConnection = {
        message: (text) => handle(client, text),
        pong: () => {
          client.alive = true;
        },
        closed: () => forget(client),
      };
      if (clients.size >= options.maxClients || !running) {
        s.metrics.wsDropped.inc({ reason: running ? 'too_many' : 'stopping' });
        client.closed = true;
        socket.close(
          running ? WS_CLOSE_TOO_MANY : WS_CLOSE_GOING_AWAY,
          running ? 'too many clients' : 'server stopping',
        );
        return connection;
      }
      clients.add(client);
      s.metrics.wsClients.set(clients.size);
      client.chain = greet(client, filter).catch((error) => failed(client, error));
      return connection;
    },
    notice: (raw) => alerts.notice(raw),
    get clientCount() {
      return clients.size;
    },
    observeRounds: (listener) => void roundObservers.push(listener),
    start() {
      if (running) return;
      running = true;
      void pollProducers();
      timers.push(setInterval(pollProducers, options.producerPollMs));
      timers.push(setInterval(pingAll, options.pingMs));
      ticker.start();
    },
    async stop() {
      running = false;
      for (const timer of timers.splice(0)) clearInterval(timer);
      ticker.stop();
      alerts.stop();
      for (const client of [...clients]) {
        forget(client);
        client.socket.close(WS_CLOSE_GOING_AWAY, 'server stopping');
      }
    },
  };
}
