/** Adds `/ws` to the app and returns what the HTTP server needs to route upgrades to it. */

import type { Server } from 'node:http';
import { createNodeWebSocket } from '@hono/node-ws';
import type { Hono } from 'hono';
import { ApiError, errorBody } from '../api-error.ts';
import { MAX_WS_VIEW } from '../contract/sensor-filter.ts';
import { MAX_CLIENT_MESSAGE_BYTES, WS_PATH, WS_SUBPROTOCOL } from '../contract/ws-messages.ts';
import { parseSensorFilter } from '../sensor-filter-params.ts';
import type { Hub, HubConnection } from './hub.ts';
import { hubSocketOf } from './hub-socket.ts';
import { upgradeGuard } from './upgrade-guard.ts';

export interface AttachedWebSocket {
  injectWebSocket(server: Server): void;
}

/** Registers the `/ws` route of `hub` on `app` (before the app serves its first request). */
export function attachWebSocket(
  app: Hono,
  hub: Hub,
  security: { readonly token: string; readonly allowedOrigins: readonly string[] },
): AttachedWebSocket {
  const nodeWs = createNodeWebSocket({ app });
  // the library's server accepts 100 MiB messages by default; ours are a few hundred bytes
  nodeWs.wss.options.maxPayload = MAX_CLIENT_MESSAGE_BYTES;
  // answer with our subprotocol, never echo the token one back
  nodeWs.wss.options.handleProtocols = (protocols: Set<string>) =>
    protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false;
  app.get(
    WS_PATH,
    upgradeGuard(security.token, security.allowedOrigins),
    async (c, next) => {
      try {
        parseSensorFilter(c.req.query(), MAX_WS_VIEW);
      } catch (error) {
        if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), 400);
        throw error;
      }
      return next();
    },
    nodeWs.upgradeWebSocket((c) => {
      const filter = parseSensorFilter(c.req.query(), MAX_WS_VIEW);
      let connection: HubConnection | null = null;
      return {
        onOpen(_event, ws) {
          const raw = ws.raw;
          if (!raw) return;
          connection = hub.open(hubSocketOf(raw), filter);
          raw.on('pong', () => connection?.pong());
        },
        onMessage(event) {
          connection?.message(typeof event.data === 'string' ? event.data : '');
        },
        onClose() {
          connection?.closed();
        },
      };
    }),
  );
  return { injectWebSocket: (server) => nodeWs.injectWebSocket(server) };
}
