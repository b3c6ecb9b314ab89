import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiHarnessPerTest, expectSchema } from '../../../test/support/api-harness.ts';

const setup = apiHarnessPerTest();

describe('service endpoints', () => {
  it('answers the service JSON at / when no dashboard is built', async () => {
    const h = await setup();
    const { status, body } = await h.call('/');
    expect(status).toBe(200);
    expectSchema('ServiceInfo', body);
    expect(body.endpoints).toMatchObject({ sensors: '/api/sensors', websocket: '/ws' });
  });

  it('reports health and readiness, 503 when stopping', async () => {
    const h = await setup();
    const health = await h.call('/health');
    expect(health.status).toBe(200);
    expectSchema('Health', health.body);
    expect(health.body).toMatchObject({ status: 'healthy', redis: 'connected' });
    expect((await h.call('/ready')).status).toBe(200);
    h.services.stopping = true;
    const ready = await h.call('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.ready).toBe(false);
  });

  it('reports 503 on /health when Redis does not answer', async () => {
    const h = await setup();
    const down = { ...h.services, ping: () => Promise.reject(new Error('Connection is closed.')) };
    const { createApp } = await import('../create-app.ts');
    const response = await createApp(down).request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unhealthy', redis: 'disconnected' });
  });

  it('serves Prometheus metrics labelled by route pattern', async () => {
    const h = await setup();
    await h.call('/api/sensors/abc');
    await h.call('/api/nothing-here');
    const { status, body, headers } = await h.call('/metrics');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/plain');
    expect(body).toContain(
      'wattwatch_http_requests_total{method="GET",route="/api/sensors/:id",status="404"} 1',
    );
    expect(body).toContain('route="unmatched",status="404"} 1');
    expect(body).toContain('wattwatch_ws_clients');
  });

  it('publishes an OpenAPI 3.1 document covering every endpoint', async () => {
    const h = await setup();
    const { status, body } = await h.call('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/sensors',
      '/api/sensors/{id}',
      '/api/sensors/{id}/history',
      '/api/dashboard/stats',
      '/api/energy-data/realtime',
      '/api/producer/status',
      '/api/alerts',
      '/api/alerts/{id}/ack',
      '/api/optimization/suggestions',
      '/api/analytics/history',
      '/api/quality',
      '/health',
      '/ready',
      '/metrics',
    ])
      expect(Object.keys(body.paths)).toContain(path);
    expect(body.components.schemas.Sensor.properties.device_type.enum).toContain('cooling_tower');
  });

  it('answers unknown API paths with 404 JSON and sets security headers', async () => {
    const h = await setup();
    const { status, body, headers } = await h.call('/api/does/not/exist');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/does/not/exist' } });
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('access-control-allow-origin')).toBeNull();
    expect((await h.call('/api/sensors', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('the dashboard', () => {
  it('is served at / with SPA fallback, API paths keep answering JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-dash-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>wattwatch</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const h = await setup({ dashboardDir: dir });
    const root = await h.call('/');
    expect(root.status).toBe(200);
    expect(root.body).toContain('<title>wattwatch</title>');
    const asset = await h.call('/assets/app.js');
    expect(asset.headers.get('content-type')).toContain('javascript');
    const deep = await h.call('/sensors/pump-7');
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('<title>wattwatch</title>');
    expect((await h.call('/api/unknown')).status).toBe(404);
    // an asset of an older build is missing, not the app's HTML served as script
    expect((await h.call('/assets/app-old.js')).status).toBe(404);
  });
});

describe('authentication', () => {
  it('guards every API route and /metrics when a token is set; probes and / stay open', async () => {
    const h = await setup({ token: 'secret-token' });
    for (const path of [
      '/api/sensors',
      '/api/dashboard/stats',
      '/api/openapi.json',
      '/api/alerts',
      '/metrics',
    ]) {
      const denied = await h.call(path);
      expect(denied.status, path).toBe(401);
      expect(denied.headers.get('www-authenticate')).toContain('Bearer');
      expect(denied.body.error.code).toBe('unauthorized');
      expect((await h.call(path, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
      expect((await h.call(path, { headers: { authorization: 'Bearer secret-token' } })).status, path).toBe(
        200,
      );
    }
    expect((await h.call('/health')).status).toBe(200);
    expect((await h.call('/ready')).status).toBe(200);
    expect((await h.call('/')).status).toBe(200);
  });

  it('leaves reads open without a token', async () => {
    const h = await setup();
    expect((await h.call('/api/sensors')).status).toBe(200);
    expect((await h.call('/metrics')).status).toBe(200);
  });
});

describe('CORS', () => {
  it('is off by default and answers only allowlisted origins when configured', async () => {
    const off = await setup();
    const plain = await off.call('/api/sensors', { headers: { origin: 'https://ops.example.com' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const on = await setup({ allowedOrigins: ['https://ops.example.com'] });
    const allowed = await on.call('/api/sensors', { headers: { origin: 'https://ops.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await on.call('/api/sensors', { headers: { origin: 'https://evil.example.net' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After on expensive endpoints past the burst, per client', async () => {
    const h = await setup({ rateLimit: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await h.call('/api/sensors')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const limited = await h.call('/api/analytics/history');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.error.code).toBe('rate_limited');
    // cheap endpoints are not limited
    expect((await h.call('/api/dashboard/stats')).status).toBe(200);
    h.store.clock.advance(1000);
    expect((await h.call('/api/sensors')).status).toBe(200);
  });
});
