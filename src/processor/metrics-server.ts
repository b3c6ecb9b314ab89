/**
 * A small HTTP server for the processor's Prometheus `/metrics` and a `/health` a container runtime
 * can probe (200 while Redis is connected and the consumer holds its group membership, else 503,
 * with the details as JSON). Nothing else: the API lives in `serve`.
 */
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export interface ProcessorHealth {
  readonly ok: boolean;
  readonly [detail: string]: unknown;
}

export interface MetricsServer {
  /** The port listened on (useful when 0 asked for a free one). */
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on `host:port` and serves `registry` and `health()`. */
export async function startMetricsServer(
  registry: Registry,
  health: () => ProcessorHealth,
  { port, host = '0.0.0.0' }: { readonly port: number; readonly host?: string },
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
    } else if (path === '/metrics') {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    } else if (path === '/health') {
      const state = health();
      response
        .writeHead(state.ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: state.ok ? 'ok' : 'unavailable', ...state }));
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
