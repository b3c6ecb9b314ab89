/** Timing and limits of the WebSocket hub. */
export interface HubOptions {
  /** Interval of realtime_update. */
  readonly tickMs: number;
  /**
   * How far ahead of its deadline a round may start its store reads at most (it starts as far ahead
   * as recent rounds needed, see realtime-ticker.ts; never more than half a tick).
   */
  readonly readAheadMs: number;
  readonly maxClients: number;
  /** Unsent bytes allowed per client before it is dropped as too slow. */
  readonly maxBufferBytes: number;
  /** Ping frame interval; a client that did not answer the previous ping is dropped. */
  readonly pingMs: number;
  /** At most one critical_alert per this many ms: a lone alert goes out at once, a storm's merge. */
  readonly alertCoalesceMs: number;
  /** How often producer heartbeats are checked for transitions. */
  readonly producerPollMs: number;
  /** Groups (distinct filters) read from the store at the same time during a tick. */
  readonly groupConcurrency: number;
  /** Subscribe messages per second per client (bursts of twice that). */
  readonly subscribesPerSecond: number;
}

export const DEFAULT_HUB_OPTIONS: HubOptions = Object.freeze({
  tickMs: 1000,
  readAheadMs: 500,
  maxClients: 2000,
  maxBufferBytes: 1_048_576,
  pingMs: 15_000,
  alertCoalesceMs: 50,
  producerPollMs: 250,
  groupConcurrency: 32,
  subscribesPerSecond: 5,
});
