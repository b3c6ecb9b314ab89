/**
 * The WebSocket hub of one serve instance. One computation per tick feeds every client: the stats
 * and producer status are read once, each distinct filter (view group) is read once (its ids and
 * change tokens, then only the states that changed), and each group's update is serialized and
 * UTF-8 encoded once and written to all its clients. Nothing is queued per client:
 * a client whose socket buffer exceeds the bound is dropped (it reconnects and resyncs), so memory
 * stays bounded by clients × bound. Alerts arrive through `notice` (the processors' pub/sub notices)
 * and go out in coalesced bursts (alert-sender.ts); producer transitions come from polling heartbeats
 * (producer-announcer.ts).
 */
import { createLogger } from '../../log/logger.ts';
import { ApiError } from '../api-error.ts';
import type { ApiServices } from '../api-services.ts';
import type { SensorFilter } from '../contract/sensor-filter.ts';
import {
  type ServerMessage,
  type StatsSummary,
  WS_CLOSE_GOING_AWAY,
  WS_CLOSE_TOO_MANY,
} from '../contract/ws-messages.ts';
import { createRateLimiter, type RateLimiter } from '../middleware/rate-limit.ts';
import { createCached } from '../views/cached.ts';
import { createAlertSender } from './alert-sender.ts';
import { parseClientMessage } from './client-message.ts';
import type { FanOut } from './fan-out.ts';
import type { HubOptions } from './hub-options.ts';
import type { HubSocket } from './hub-socket.ts';
import { createProducerAnnouncer } from './producer-announcer.ts';
import { createProducerMonitor } from './producer-monitor.ts';
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
  const groups = createViewGroups<Client>(s.reader, options.tickMs);
  const criticalList = createCached(() => s.reader.listSensors({ status: 'critical', limit: 10 }), {
    ttlMs: options.tickMs,
    maxStaleMs: options.tickMs * 5,
  });
  const producers = createProducerMonitor(s.reader, s.now);
  const timers: NodeJS.Timeout[] = [];
  let tickTimer: NodeJS.Timeout | null = null;
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
    const frame = Buffer.from(data);
    let sent = 0;
    for (const client of targets) if (client.ready && write(client, frame)) sent++;
    if (sent > 0) s.metrics.wsMessages.inc({ type }, sent);
  };
  const alerts = createAlertSender(s, options.alertCoalesceMs, now, fanOut);
  const pollProducers = createProducerAnnouncer(producers, now, fanOut);
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

  async function greet(client: Client, filter: SensorFilter) {
    const [stats, producerStatus, critical, snapshot] = await Promise.all([
      s.stats.get(),
      producers.current() ?? s.producers.get(),
      criticalList.get(),
      view(client, filter),
    ]);
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

  async function tick() {
    const started = performance.now();
    try {
      if (clients.size > 0) await broadcastUpdate();
    } catch (error) {
      log.warn('tick failed', { error });
    }
    s.metrics.wsTickSeconds.observe((performance.now() - started) / 1000);
    // the next tick is due tickMs after this one started; a slow tick is followed at once, never queued
    if (running) tickTimer = setTimeout(tick, Math.max(0, options.tickMs - (performance.now() - started)));
  }

  async function broadcastUpdate() {
    const ts = now();
    // stats are taken after a view's sensors were read, so an update never shows a sensor's new
    // state with fleet counts from before it; one head per stats value serves every view
    let head: { stats: StatsSummary; text: string } | null = null;
    const headOf = async () => {
      const [stats, fallback] = await Promise.all([
        s.stats.get(),
        producers.current() ? null : s.producers.get(),
      ]);
      if (head?.stats !== stats) {
        const producerStatus = JSON.stringify(producers.current() ?? fallback);
        head = {
          stats,
          text: `{"type":"realtime_update","ts":"${ts}","stats":${JSON.stringify(stats)},"producer_status":${producerStatus}`,
        };
      }
      return head.text;
    };
    const pending = groups.all();
    const worker = async () => {
      for (let group = pending.pop(); group; group = pending.pop()) {
        if (group.clients.size === 0) continue;
        // the view's ids and the change tokens of the ids it had, together; then only what moved
        const known = group.known();
        const [listing, knownVersions] = await Promise.all([
          s.reader.listSensorIds(group.filter),
          s.reader.getSensorVersions(known),
        ]);
        const versionOf = new Map(known.map((id, i) => [id, knownVersions[i]]));
        const versions = listing.ids.map((id) => versionOf.get(id));
        const stale = group.stale(listing, versions);
        const states = stale.length > 0 ? await s.reader.getSensors(stale) : [];
        const { changed, removed } = group.update(listing, versions, states);
        const data = `${await headOf()},"sensors":${JSON.stringify(changed)},"removed":${JSON.stringify(removed)},"next_cursor":${JSON.stringify(listing.next_cursor)}}`;
        fanOut(data, 'realtime_update', group.clients);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.groupConcurrency, pending.length) }, worker));
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
    start() {
      if (running) return;
      running = true;
      void pollProducers();
      timers.push(setInterval(pollProducers, options.producerPollMs));
      timers.push(setInterval(pingAll, options.pingMs));
      tickTimer = setTimeout(tick, options.tickMs);
    },
    async stop() {
      running = false;
      for (const timer of timers.splice(0)) clearInterval(timer);
      if (tickTimer) clearTimeout(tickTimer);
      alerts.stop();
      for (const client of [...clients]) {
        forget(client);
        client.socket.close(WS_CLOSE_GOING_AWAY, 'server stopping');
      }
    },
  };
}
