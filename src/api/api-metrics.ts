/** Prometheus metrics of one serve instance, on its own registry (tests create many side by side). */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface ApiMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpSeconds: Histogram<'route'>;
  readonly wsClients: Gauge;
  readonly wsMessages: Counter<'type'>;
  readonly wsDropped: Counter<'reason'>;
  readonly wsTickSeconds: Histogram;
  readonly wsUpdateLateSeconds: Histogram;
  readonly alertNoticeToSendSeconds: Histogram;
}

/** Metrics on a fresh registry; `processMetrics` adds Node's default process metrics (serve does). */
export function createApiMetrics(processMetrics = false): ApiMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry, prefix: 'wattwatch_serve_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'wattwatch_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpSeconds: new Histogram({
      name: 'wattwatch_http_request_seconds',
      help: 'HTTP request handling time',
      labelNames: ['route'] as const,
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    wsClients: new Gauge({ name: 'wattwatch_ws_clients', help: 'open WebSocket clients', registers }),
    wsMessages: new Counter({
      name: 'wattwatch_ws_messages_total',
      help: 'WebSocket messages sent, by type',
      labelNames: ['type'] as const,
      registers,
    }),
    wsDropped: new Counter({
      name: 'wattwatch_ws_dropped_total',
      help: 'WebSocket clients closed by the server, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    wsTickSeconds: new Histogram({
      name: 'wattwatch_ws_tick_seconds',
      help: 'time to compute and send one realtime_update round to every client (without the wait for its deadline)',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    wsUpdateLateSeconds: new Histogram({
      name: 'wattwatch_ws_update_late_seconds',
      help: "from a realtime_update round's deadline until it was written to every client",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    alertNoticeToSendSeconds: new Histogram({
      name: 'wattwatch_ws_alert_notice_to_send_seconds',
      help: 'from receiving a processor notice with new alerts to sending critical_alert',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1],
      registers,
    }),
  };
}
