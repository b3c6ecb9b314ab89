/**
 * Live state of the dashboard, fed by `LiveSocket` messages. Messages change plain fields and ring
 * buffers at once, but React sees a new immutable snapshot at most every `publishEveryMs` (a
 * 100,000-sensor fleet must not re-render per message); charts read the rings directly through
 * `onSeries`, outside React. Nothing here is ever made up: before the first snapshot the fields are
 * null, and after a disconnect they keep the last real values, which the UI marks as stale.
 */
import type {
  CriticalAlertEntry,
  ProducerStatusSummary,
  Sensor,
  SensorFilter,
  ServerMessage,
  StatsSummary,
  ViewSnapshot,
} from '../contract.ts';
import type { ConnectionInfo } from './live-socket.ts';
import { RingBuffer } from './ring-buffer.ts';

export interface FeedEntry extends CriticalAlertEntry {
  /** The sensor's state sent with the burst, when the server included it. */
  readonly sensor: Sensor | null;
}

export interface ProducerEvent {
  readonly ts: string;
  readonly producer_id: string;
  readonly connected: boolean;
  readonly message: string;
}

export interface LiveSnapshot {
  readonly connection: ConnectionInfo;
  readonly stats: StatsSummary | null;
  /** Server time of the stats (ISO-8601 UTC). */
  readonly statsAt: string | null;
  readonly tickMs: number | null;
  readonly producer: ProducerStatusSummary | null;
  readonly producerEvents: readonly ProducerEvent[];
  /** Critical alerts received, newest first. */
  readonly feed: readonly FeedEntry[];
  /** Critical sensors at the last snapshot: total and the first few. */
  readonly critical: { readonly count: number; readonly sensors: readonly Sensor[] } | null;
  readonly view: {
    readonly filter: SensorFilter;
    readonly sensors: readonly Sensor[];
    readonly nextCursor: string | null;
  };
}

export interface LiveStoreOptions {
  /** Points kept per live series (one per tick: 3600 = an hour at 1 s). */
  readonly seriesCapacity: number;
  readonly feedCapacity: number;
  readonly publishEveryMs: number;
}

export const DEFAULT_LIVE_STORE_OPTIONS: LiveStoreOptions = Object.freeze({
  seriesCapacity: 3600,
  feedCapacity: 100,
  publishEveryMs: 250,
});

/** Series kept per tick, for charts and stat-card trends. */
export interface LiveSeries {
  readonly powerKw: RingBuffer;
  readonly anomalies: RingBuffer;
  readonly critical: RingBuffer;
  readonly warning: RingBuffer;
  readonly energyKwh: RingBuffer;
}

type Listener = () => void;

export class LiveStore {
  readonly series: LiveSeries;
  private snapshot: LiveSnapshot;
  private viewSensors = new Map<string, Sensor>();
  private readonly listeners = new Set<Listener>();
  private readonly seriesListeners = new Set<Listener>();
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private draft: { -readonly [K in keyof LiveSnapshot]: LiveSnapshot[K] };

  constructor(private readonly options: LiveStoreOptions = DEFAULT_LIVE_STORE_OPTIONS) {
    const ring = () => new RingBuffer(options.seriesCapacity);
    this.series = {
      powerKw: ring(),
      anomalies: ring(),
      critical: ring(),
      warning: ring(),
      energyKwh: ring(),
    };
    this.snapshot = {
      connection: { state: 'stopped', attempt: 0, retryAt: null, lastMessageAt: null },
      stats: null,
      statsAt: null,
      tickMs: null,
      producer: null,
      producerEvents: [],
      feed: [],
      critical: null,
      view: { filter: {}, sensors: [], nextCursor: null },
    };
    this.draft = { ...this.snapshot };
  }

  /** For `useSyncExternalStore`: the same object until something changed. */
  getSnapshot = (): LiveSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called after the series got a point (at most once per published snapshot). */
  onSeries(listener: Listener): () => void {
    this.seriesListeners.add(listener);
    return () => this.seriesListeners.delete(listener);
  }

  setConnection(info: ConnectionInfo): void {
    this.draft.connection = info;
    // connection changes are what a person must see at once
    this.publishNow();
  }

  handle(message: ServerMessage): void {
    switch (message.type) {
      case 'initial_data':
        this.draft.tickMs = message.tick_ms;
        this.draft.critical = message.critical_sensors;
        this.takeStats(message.ts, message.stats, message.producer_status);
        this.takeView(message.view);
        break;
      case 'realtime_update':
        this.takeStats(message.ts, message.stats, message.producer_status);
        this.applyDelta(message.sensors, message.removed, message.next_cursor);
        break;
      case 'subscribed':
        this.takeView(message.view);
        break;
      case 'critical_alert':
        this.takeAlerts(message.data.alerts, message.data.sensors);
        // an alert must show the moment it arrives, not a throttle period later
        this.publishNow();
        return;
      case 'producer_connected':
      case 'producer_disconnected':
        this.draft.producer = message.producer_status;
        this.draft.producerEvents = [
          {
            ts: message.ts,
            producer_id: message.producer_id,
            connected: message.type === 'producer_connected',
            message: message.message,
          },
          ...this.draft.producerEvents,
        ].slice(0, 20);
        this.publishNow();
        return;
      default:
        return;
    }
    this.schedulePublish();
  }

  /** Adds older points (e.g. from /api/analytics/history) in front of the live ones. */
  seedPower(points: readonly { readonly x: number; readonly y: number }[]): void {
    const live = this.series.powerKw;
    const first = live.length > 0 ? live.xAt(0) : Number.POSITIVE_INFINITY;
    const merged = new RingBuffer(live.capacity);
    for (const p of points) if (p.x < first) merged.push(p.x, p.y);
    for (let i = 0; i < live.length; i++) merged.push(live.xAt(i), live.yAt(i));
    live.clear();
    for (let i = Math.max(0, merged.length - live.capacity); i < merged.length; i++)
      live.push(merged.xAt(i), merged.yAt(i));
    for (const listener of this.seriesListeners) listener();
  }

  /** Stops pending timers (tests, page unload). */
  dispose(): void {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = null;
  }

  private takeStats(ts: string, stats: StatsSummary, producer: ProducerStatusSummary): void {
    this.draft.stats = stats;
    this.draft.statsAt = ts;
    this.draft.producer = producer;
    const x = Date.parse(ts);
    const s = this.series;
    s.powerKw.push(x, stats.total_power_kw);
    s.anomalies.push(x, stats.anomaly_count);
    s.critical.push(x, stats.status_critical);
    s.warning.push(x, stats.status_warning);
    s.energyKwh.push(x, stats.total_energy_kwh);
  }

  private takeView(view: ViewSnapshot): void {
    this.viewSensors = new Map(view.sensors.map((s) => [s.sensor_id, s]));
    this.draft.view = { filter: view.filter, sensors: [...view.sensors], nextCursor: view.next_cursor };
  }

  private applyDelta(
    changed: readonly Sensor[],
    removed: readonly string[],
    nextCursor: string | null,
  ): void {
    if (changed.length === 0 && removed.length === 0 && nextCursor === this.draft.view.nextCursor) return;
    for (const id of removed) this.viewSensors.delete(id);
    for (const sensor of changed) this.viewSensors.set(sensor.sensor_id, sensor);
    const sensors = [...this.viewSensors.values()].sort((a, b) => (a.sensor_id < b.sensor_id ? -1 : 1));
    this.draft.view = { ...this.draft.view, sensors, nextCursor };
  }

  private takeAlerts(alerts: readonly CriticalAlertEntry[], sensors: readonly Sensor[]): void {
    const byId = new Map(sensors.map((s) => [s.sensor_id, s]));
    const known = new Set(this.draft.feed.map((f) => f.id));
    // the burst lists oldest first; the feed shows newest first
    const fresh = alerts
      .filter((a) => !known.has(a.id))
      .map((a) => ({ ...a, sensor: byId.get(a.sensor_id) ?? null }))
      .reverse();
    this.draft.feed = [...fresh, ...this.draft.feed].slice(0, this.options.feedCapacity);
  }

  private schedulePublish(): void {
    if (this.publishTimer) return;
    this.publishTimer = setTimeout(() => this.publishNow(), this.options.publishEveryMs);
  }

  private publishNow(): void {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    this.snapshot = { ...this.draft };
    for (const listener of this.seriesListeners) listener();
    for (const listener of this.listeners) listener();
  }
}
