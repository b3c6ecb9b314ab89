/**
 * Bearer-token guards. With API_TOKEN set, reads need the token; mutations always do, and without a
 * configured token they are refused with a message saying how to enable them (an open acknowledge
 * button would let anyone on the network silence alerts).
 */
import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../api-error.ts';
import { bearerToken, tokenMatches } from './token.ts';

const unauthorized = 'send the API token as "Authorization: Bearer <token>"';

/** Guards reads: open when `token` is empty. */
export function requireTokenIfSet(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (token === '' || tokenMatches(token, bearerToken(c.req.header('authorization')))) return next();
    c.header('WWW-Authenticate', 'Bearer realm="wattwatch"');
    return c.json(errorBody('unauthorized', unauthorized), 401);
  };
}

/** Guards mutations: always needs a token, refused outright when none is configured. */
export function requireTokenForMutation(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (token === '') {
      return c.json(
        errorBody(
          'mutations_disabled',
          'changes are disabled because no API token is configured: start serve with API_TOKEN=<secret> ' +
            '(or --token) and send "Authorization: Bearer <secret>"',
        ),
        403,
      );
    }
    if (tokenMatches(token, bearerToken(c.req.header('authorization')))) return next();
    c.header('WWW-Authenticate', 'Bearer realm="wattwatch"');
    return c.json(errorBody('unauthorized', unauthorized), 401);
  };
}
