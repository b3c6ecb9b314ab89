/** Thousands of random requests against real data: whatever arrives, the answer is never a 5xx. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../../test/support/api-harness.ts';
import { scored } from '../../test/support/sample-readings.ts';

const SEGMENTS = [
  'api',
  'sensors',
  'dashboard',
  'stats',
  'energy-data',
  'realtime',
  'producer',
  'status',
  'alerts',
  'ack',
  'optimization',
  'suggestions',
  'analytics',
  'history',
  'quality',
  'locations',
  'openapi.json',
  'health',
  'ready',
  'metrics',
  'ws',
  's01',
  '1-0',
  '..',
  '%2e%2e',
  '%00',
  '%ff',
  '{x}',
  '',
  ' ',
];
const PARAMS = ['status', 'location', 'type', 'text', 'limit', 'cursor', 'hours', 'points', 'token', 'nonce'];
const VALUES = [
  'critical',
  'floor_a',
  'pump',
  's0',
  '5',
  '-1',
  '0',
  '1e9',
  '99999999999999999999',
  'NaN',
  '%',
  '%ZZ',
  '',
  'bm90',
];

const segment = fc.oneof(fc.constantFrom(...SEGMENTS), fc.string({ maxLength: 12 }), fc.webSegment());
const value = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'),
  path: fc.array(segment, { minLength: 0, maxLength: 5 }),
  query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 6 })), value), {
    maxLength: 4,
  }),
  body: fc.option(fc.oneof(fc.json(), fc.string({ maxLength: 200 }), fc.constant('{"by":"x"}')), {
    nil: undefined,
  }),
  json: fc.boolean(),
  auth: fc.option(fc.constantFrom('Bearer fuzz-token', 'Bearer wrong', 'Basic x', 'Bearer '), {
    nil: undefined,
  }),
  upgrade: fc.boolean(),
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function toRequest(r: FuzzRequest): [string, RequestInit] {
  const path = `/${r.path.map((s) => encodeURIComponent(s).replace(/%25/g, '%')).join('/')}`;
  const query = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const headers: Record<string, string> = {};
  if (r.json) headers['content-type'] = 'application/json';
  if (r.auth) headers.authorization = r.auth;
  if (r.upgrade) headers.upgrade = 'websocket';
  const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
  return [
    `${path}${query ? `?${query}` : ''}`,
    { method: r.method, headers, ...(withBody ? { body: r.body } : {}) },
  ];
}

describe('fuzzing the API', () => {
  const harnesses: ApiHarness[] = [];
  beforeAll(async () => {
    for (const token of ['', 'fuzz-token']) {
      const h = await createApiHarness({ token, rateLimit: 0 });
      await h.writer.write([
        ...Array.from({ length: 20 }, (_, i) =>
          scored({ sensor_id: `s${String(i).padStart(2, '0')}`, seq: 1 }),
        ),
        scored({ sensor_id: 'hot', seq: 1 }, 'critical'),
      ]);
      harnesses.push(h);
    }
  });
  afterAll(async () => {
    await Promise.all(harnesses.map((h) => h.cleanup()));
  });

  it('never answers 5xx, and every API error is {error: {code, message}}', async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.integer({ min: 0, max: 1 }), async (r, which) => {
        const [url, init] = toRequest(r);
        const response = await (harnesses[which] as ApiHarness).app.request(url, init);
        const text = await response.text();
        expect(response.status, `${init.method} ${url}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (
          response.status >= 400 &&
          init.method !== 'HEAD' &&
          response.headers.get('content-type')?.includes('json')
        ) {
          const body = JSON.parse(text);
          expect(typeof body.error?.code).toBe('string');
          expect(typeof body.error?.message).toBe('string');
          expect(text).not.toMatch(/at .+\.ts:\d+/);
        }
      }),
      // a new seed each run explores new requests; a failure prints its seed to replay it
      { numRuns: 3000 },
    );
  }, 90_000);
});
