/**
 * Checks a WebSocket upgrade before it happens: browsers send Origin, and a page of another site
 * must not open a socket with the user's network position (cross-site WebSocket hijacking), so an
 * Origin must be this server's own or in ALLOWED_ORIGINS. Clients without Origin (not browsers) pass
 * that check. With API_TOKEN set the token must come as `?token=` or the subprotocol
 * `bearer.<token>` (browsers cannot set headers on a WebSocket).
 */
import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../api-error.ts';
import { WS_TOKEN_PROTOCOL_PREFIX } from '../contract/ws-messages.ts';
import { bearerToken, tokenMatches } from '../middleware/token.ts';

/** True when `origin` may open a socket to a server reached as `host`. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && parsed.host === host.toLowerCase()) return true;
  return allowed.some((a) => {
    try {
      return new URL(a).origin === parsed.origin;
    } catch {
      return false;
    }
  });
}

/** The token a WebSocket request carries, if any. */
export function socketToken(
  query: string | undefined,
  protocols: string | undefined,
  authorization: string | undefined,
): string | null {
  if (query) return query;
  for (const entry of (protocols ?? '').split(',')) {
    const p = entry.trim();
    if (p.startsWith(WS_TOKEN_PROTOCOL_PREFIX)) return p.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
  }
  return bearerToken(authorization);
}

export function upgradeGuard(token: string, allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket')
      return c.json(errorBody('bad_parameter', '/ws expects a WebSocket upgrade'), 426);
    if (!originAllowed(c.req.header('origin'), c.req.header('host'), allowedOrigins))
      return c.json(errorBody('forbidden', 'origin not allowed: add it to ALLOWED_ORIGINS'), 403);
    const given = socketToken(
      c.req.query('token'),
      c.req.header('sec-websocket-protocol'),
      c.req.header('authorization'),
    );
    if (token !== '' && !tokenMatches(token, given))
      return c.json(
        errorBody('unauthorized', 'pass the API token as ?token= or the subprotocol bearer.<token>'),
        401,
      );
    return next();
  };
}
