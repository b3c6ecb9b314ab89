/**
 * The one owner of the `/ws` connection. It connects with the current view in the query string,
 * hands every server message to `onMessage` (the first after each connect is `initial_data`, a full
 * snapshot, so a reconnect resyncs by itself), reconnects with backoff, notices a silent connection
 * (no message for `staleAfterMs` while the server sends one every tick) and reports its state.
 */
import type { ClientMessage, SensorFilter, ServerMessage } from '../contract.ts';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF_OPTIONS } from './backoff.ts';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface ConnectionInfo {
  readonly state: ConnectionState;
  /** Failed attempts since the last good connection. */
  readonly attempt: number;
  /** When the next attempt starts (ms since epoch), while reconnecting. */
  readonly retryAt: number | null;
  /** Last message received (ms since epoch), null before any. */
  readonly lastMessageAt: number | null;
}

/** The part of the browser's WebSocket the module uses (the `ws` package's client fits too). */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export interface LiveSocketOptions {
  /** Absolute ws:// or wss:// URL of `/ws`. */
  readonly url: string;
  readonly createSocket: SocketFactory;
  readonly backoff: BackoffOptions;
  /** A connection silent this long is treated as dead (the server sends an update every tick). */
  readonly staleAfterMs: number;
  /** Bearer token for servers with API_TOKEN set. */
  readonly token: () => string | null;
  readonly now: () => number;
}

export const DEFAULT_LIVE_SOCKET_OPTIONS: Omit<LiveSocketOptions, 'url' | 'createSocket'> = Object.freeze({
  backoff: DEFAULT_BACKOFF_OPTIONS,
  staleAfterMs: 5000,
  token: () => null,
  now: () => Date.now(),
});

export interface LiveSocketHandlers {
  onMessage(message: ServerMessage): void;
  onConnection(info: ConnectionInfo): void;
}

const TYPES = new Set([
  'initial_data',
  'realtime_update',
  'critical_alert',
  'producer_disconnected',
  'producer_connected',
  'subscribed',
  'pong',
  'error',
]);

export class LiveSocket {
  private socket: SocketLike | null = null;
  private filter: SensorFilter = {};
  private info: ConnectionInfo = { state: 'stopped', attempt: 0, retryAt: null, lastMessageAt: null };
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly options: LiveSocketOptions,
    private readonly handlers: LiveSocketHandlers,
  ) {}

  get connection(): ConnectionInfo {
    return this.info;
  }

  start(filter: SensorFilter = this.filter): void {
    this.filter = filter;
    if (this.info.state !== 'stopped') return;
    this.watchdog = setInterval(() => this.checkSilence(), Math.max(250, this.options.staleAfterMs / 4));
    this.connect();
  }

  stop(): void {
    this.clearRetry();
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.drop();
    this.update({ state: 'stopped', retryAt: null });
  }

  /** Chooses the view of sensors the server keeps this client up to date on. */
  setFilter(filter: SensorFilter): void {
    this.filter = filter;
    if (this.info.state === 'live') this.send({ type: 'subscribe', filter });
  }

  /** Drops the connection now and reconnects at once (e.g. after the token changed). */
  reconnectNow(): void {
    if (this.info.state === 'stopped') return;
    this.clearRetry();
    this.drop();
    this.connect();
  }

  private connect(): void {
    this.update({ state: this.info.attempt === 0 ? 'connecting' : 'reconnecting', retryAt: null });
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.urlFor(this.filter));
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    // the silence clock starts at the attempt, so a connect that hangs is abandoned too
    this.info = { ...this.info, lastMessageAt: this.options.now() };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => this.lost(socket);
    socket.onerror = () => this.lost(socket);
  }

  private receive(data: unknown): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || !TYPES.has(message.type)) return;
    const now = this.options.now();
    if (message.type === 'initial_data') this.update({ state: 'live', attempt: 0, lastMessageAt: now });
    else this.info = { ...this.info, lastMessageAt: now };
    this.handlers.onMessage(message);
  }

  private lost(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.drop();
    this.scheduleRetry();
  }

  private checkSilence(): void {
    const { state, lastMessageAt } = this.info;
    if (state !== 'live' && state !== 'connecting' && !(state === 'reconnecting' && this.socket)) return;
    if (lastMessageAt !== null && this.options.now() - lastMessageAt > this.options.staleAfterMs) {
      // a half-open TCP connection can take minutes to report close: give up on it now
      this.drop();
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.info.attempt, this.options.backoff);
    this.update({
      state: 'reconnecting',
      attempt: this.info.attempt + 1,
      retryAt: this.options.now() + delay,
    });
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(1000, 'client reconnecting');
    } catch {
      // closing a socket that never opened may throw in some browsers; it is gone either way
    }
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private send(message: ClientMessage): void {
    try {
      this.socket?.send(JSON.stringify(message));
    } catch {
      // not open yet: the view goes in the URL of the next connect anyway
    }
  }

  private urlFor(filter: SensorFilter): string {
    const url = new URL(this.options.url);
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const token = this.options.token();
    if (token) url.searchParams.set('token', token);
    return url.toString();
  }

  private update(change: Partial<ConnectionInfo>): void {
    this.info = { ...this.info, ...change };
    this.handlers.onConnection(this.info);
  }
}
