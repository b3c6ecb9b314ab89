/**
 * The `/ws` protocol. Every message is a JSON envelope `{type, ts, ...}` (ts = ISO-8601 UTC, when
 * the server sent it). Connect to `/ws` (query string: the initial `SensorFilter`, and `token` when
 * the server has API_TOKEN set; or offer the subprotocols `['wattwatch', 'bearer.<token>']`).
 *
 * Server → client:
 *   initial_data           once on connect: stats, producers, critical sensors, the client's view
 *   realtime_update        every WS_TICK_MS (default 1 s): stats + the view's sensors that changed
 *   critical_alert         as soon as sensors turn critical (bursts coalesced into one message)
 *   producer_disconnected  once when a producer's heartbeat lapses (three missed heartbeats)
 *   producer_connected     once when it is heard again (or a new producer starts)
 *   subscribed             reply to `subscribe`: the new view's snapshot
 *   pong                   reply to `ping`
 *   error                  a client message was refused (the connection stays open)
 * Client → server: `subscribe`, `ping`.
 *
 * The server also sends WebSocket ping frames every WS_PING_MS (browsers answer them by themselves);
 * a client that has not answered the previous one is terminated. A client reading too slowly to keep
 * its send buffer under WS_MAX_BUFFER_BYTES is terminated too (no close frame could get past its full
 * buffer: the browser sees 1006); reconnect and resync from initial_data. Close codes the server
 * sends: 1001 server stopping, 1013 too many clients. Bad Origin, token or filter are refused before
 * the upgrade (HTTP 403, 401, 400).
 */
import type { ApiErrorCode } from './api-error.ts';
import type { DashboardStats, ProducerStatusResponse } from './rest.ts';
import type { Sensor } from './sensor.ts';
import type { SensorFilter } from './sensor-filter.ts';

export const WS_PATH = '/ws';
export const WS_SUBPROTOCOL = 'wattwatch';
/** Prefix of the subprotocol that carries the token: `bearer.<token>`. */
export const WS_TOKEN_PROTOCOL_PREFIX = 'bearer.';
export const WS_CLOSE_GOING_AWAY = 1001;
export const WS_CLOSE_TOO_MANY = 1013;

/** Producer status without `timestamp` (the envelope's `ts` says when). */
export type ProducerStatusSummary = Omit<ProducerStatusResponse, 'timestamp'>;
export type StatsSummary = Omit<DashboardStats, 'timestamp'>;

/** A page of sensors matching the client's filter. */
export interface ViewSnapshot {
  readonly filter: SensorFilter;
  readonly sensors: readonly Sensor[];
  readonly next_cursor: string | null;
}

export interface InitialDataMessage {
  readonly type: 'initial_data';
  readonly ts: string;
  readonly stats: StatsSummary;
  readonly producer_status: ProducerStatusSummary;
  /** Total critical sensors and the first few of them (id order). */
  readonly critical_sensors: { readonly count: number; readonly sensors: readonly Sensor[] };
  readonly view: ViewSnapshot;
  /** Interval of realtime_update messages, ms. */
  readonly tick_ms: number;
}

export interface RealtimeUpdateMessage {
  readonly type: 'realtime_update';
  /** The deadline this update is for (updates are due every tick_ms on a fixed schedule). */
  readonly ts: string;
  /**
   * When the server began reading the store for it: the stats and sensors are at least this fresh.
   * At most half a tick before `ts` (the reads start early so the update goes out on time; after
   * `ts` when a round started late). Always sent by serve; optional for older servers.
   */
  readonly as_of?: string;
  readonly stats: StatsSummary;
  readonly producer_status: ProducerStatusSummary;
  /** Sensors of the view whose state changed since the previous update (full states). */
  readonly sensors: readonly Sensor[];
  /** Sensor ids that left the view (status changed out of the filter, or expired). */
  readonly removed: readonly string[];
  /** next_cursor of the view's page now. */
  readonly next_cursor: string | null;
}

export interface CriticalAlertEntry {
  /** Alert id (acknowledge with POST /api/alerts/:id/ack). */
  readonly id: string;
  readonly sensor_id: string;
  /** Reading time of the transition. */
  readonly ts: string;
  readonly reasons: readonly string[];
}

export interface CriticalAlertMessage {
  readonly type: 'critical_alert';
  readonly ts: string;
  readonly data: {
    /** Alerts in this burst (may exceed the entries listed). */
    readonly count: number;
    /** Up to 20 of them, oldest first. */
    readonly alerts: readonly CriticalAlertEntry[];
    /** Current state of up to 5 of the alerted sensors. */
    readonly sensors: readonly Sensor[];
  };
}

export interface ProducerTransitionMessage {
  readonly type: 'producer_disconnected' | 'producer_connected';
  readonly ts: string;
  readonly producer_id: string;
  readonly message: string;
  readonly producer_status: ProducerStatusSummary;
}

export interface SubscribedMessage {
  readonly type: 'subscribed';
  readonly ts: string;
  readonly view: ViewSnapshot;
}

export interface PongMessage {
  readonly type: 'pong';
  readonly ts: string;
  /** Echo of the ping's nonce. */
  readonly nonce?: string;
}

export interface WsErrorMessage {
  readonly type: 'error';
  readonly ts: string;
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

export type ServerMessage =
  | InitialDataMessage
  | RealtimeUpdateMessage
  | CriticalAlertMessage
  | ProducerTransitionMessage
  | SubscribedMessage
  | PongMessage
  | WsErrorMessage;

export type ServerMessageType = ServerMessage['type'];

/** Choose the view (replaces the previous one); answered with `subscribed`. */
export interface SubscribeMessage {
  readonly type: 'subscribe';
  readonly filter: SensorFilter;
}

/** Application-level liveness for browsers (which cannot send ping frames); answered with `pong`. */
export interface PingMessage {
  readonly type: 'ping';
  /** Up to 64 characters, echoed back. */
  readonly nonce?: string;
}

export type ClientMessage = SubscribeMessage | PingMessage;

/** Largest client message the server accepts, bytes. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;
