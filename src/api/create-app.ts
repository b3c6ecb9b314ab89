/**
 * The Hono app of `serve`: middleware (metrics, security headers, CORS allowlist, auth, rate limits),
 * the REST routes, the OpenAPI document, the dashboard, and JSON errors everywhere. The WebSocket
 * route is added by `attachWebSocket` (ws/ws-route.ts), which needs the running HTTP server.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { createLogger } from '../log/logger.ts';
import { StoreQueryError } from '../store/store-query-error.ts';
import { ApiError, errorBody } from './api-error.ts';
import type { ApiServices } from './api-services.ts';
import { requireTokenForMutation, requireTokenIfSet } from './middleware/auth.ts';
import { createRateLimiter, rateLimit } from './middleware/rate-limit.ts';
import { requestMetrics } from './middleware/request-metrics.ts';
import { openApiDocument } from './openapi/document.ts';
import { alertRoutes } from './routes/alerts.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { dashboardFiles, dashboardIndex, hasDashboard } from './routes/dashboard-static.ts';
import { energyDataRoutes } from './routes/energy-data.ts';
import { optimizationRoutes } from './routes/optimization.ts';
import { producerRoutes } from './routes/producer.ts';
import { locationRoutes, qualityRoutes } from './routes/quality.ts';
import { sensorRoutes } from './routes/sensors.ts';
import { serviceInfo, serviceRoutes } from './routes/service.ts';

const log = createLogger('api');
const API_PATH = /^\/(api|ws|metrics|health|ready)(\/|$)/;
const FILE_PATH = /\.[A-Za-z0-9]{1,8}$/;
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The app over `s` (no port opened: tests call `app.request()`). */
export function createApp(s: ApiServices): Hono {
  const { options } = s;
  const app = new Hono();
  const guarded = requireTokenIfSet(options.token);
  const limited = rateLimit(
    options.rateLimit > 0 ? createRateLimiter(options.rateLimit, () => s.now().getTime()) : null,
  );

  app.use('*', requestMetrics(s.metrics));
  app.use('*', securityHeaders());
  if (options.allowedOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: [...options.allowedOrigins],
        allowHeaders: ['Authorization', 'Content-Type'],
        maxAge: 600,
      }),
    );
  }
  app.use('/api/*', guarded);
  const limitBody = bodyLimit({
    maxSize: 4096,
    onError: (c) => c.json(errorBody('payload_too_large', 'body over 4096 bytes'), 413),
  });
  // bodyLimit looks at `req.raw.body`, which makes @hono/node-server build a full web Request (abort
  // controller, stream, header checks) for every request: only methods that carry a body pay for it
  app.use('/api/*', (c, next) => (BODYLESS.has(c.req.method) ? next() : limitBody(c, next)));

  app.route('/', serviceRoutes(s, guarded));
  app.route('/api/sensors', sensorRoutes(s, limited));
  app.route('/api/dashboard', dashboardRoutes(s));
  app.route('/api/energy-data', energyDataRoutes(s, limited));
  app.route('/api/producer', producerRoutes(s));
  app.route('/api/alerts', alertRoutes(s, requireTokenForMutation(options.token)));
  app.route('/api/optimization', optimizationRoutes(s, limited));
  app.route('/api/analytics', analyticsRoutes(s, limited));
  app.route('/api/quality', qualityRoutes(s));
  app.route('/api/locations', locationRoutes(s));
  const document = JSON.stringify(openApiDocument(options.version));
  app.get('/api/openapi.json', (c) => c.body(document, 200, { 'Content-Type': 'application/json' }));

  const dashboard = hasDashboard(options.dashboardDir) ? options.dashboardDir : null;
  if (dashboard) app.use('*', dashboardFiles(dashboard));
  else app.get('/', (c) => c.json(serviceInfo(s)));
  const index = dashboard ? dashboardIndex(dashboard) : null;

  app.notFound((c) => {
    // a missing file (e.g. an asset of an older build) is a 404, not the app's HTML under a .js name
    if (index && c.req.method === 'GET' && !API_PATH.test(c.req.path) && !FILE_PATH.test(c.req.path))
      return index(c, async () => undefined) as Promise<Response>;
    return c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path.slice(0, 200)}`), 404);
  });
  app.onError((error, c) =>
    errorResponse(error, c.req.method, c.req.path, (body, status) => c.json(body, status)),
  );
  return app;
}

type Reply = (
  body: ReturnType<typeof errorBody>,
  status: 400 | 401 | 403 | 404 | 405 | 413 | 429 | 500 | 503,
) => Response;

/** Maps an error to its JSON answer; unexpected ones are logged here and leave no detail in the response. */
export function errorResponse(error: Error, method: string, path: string, reply: Reply): Response {
  if (error instanceof ApiError) return reply(errorBody(error.code, error.message), error.status);
  if (error instanceof StoreQueryError)
    return reply(errorBody(error.code === 'bad_cursor' ? 'bad_cursor' : 'bad_parameter', error.message), 400);
  if (error instanceof HTTPException && error.status < 500) {
    return reply(
      errorBody('bad_parameter', error.message || 'bad request'),
      error.status === 413 ? 413 : 400,
    );
  }
  if (isRedisUnavailable(error)) {
    log.warn('redis unavailable', { method, path: path.slice(0, 200), error });
    return reply(errorBody('unavailable', 'the store is unavailable; retry shortly'), 503);
  }
  log.error('request failed', { method, path: path.slice(0, 200), error });
  return reply(errorBody('internal', 'internal error'), 500);
}

function isRedisUnavailable(error: Error): boolean {
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|ECONNREFUSED|Stream isn't writeable/.test(error.message)
  );
}

/** Security headers for API answers and the dashboard (same-origin scripts, connections and frames only). */
function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
    crossOriginResourcePolicy: 'same-origin',
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
  });
}
