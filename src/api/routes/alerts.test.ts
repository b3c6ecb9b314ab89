import { describe, expect, it } from 'vitest';
import { apiHarnessPerTest, expectSchema } from '../../../test/support/api-harness.ts';
import { scored } from '../../../test/support/sample-readings.ts';

const setup = apiHarnessPerTest();

const critical = (id: string) =>
  scored({ sensor_id: id, seq: 1 }, 'critical', { reasons: [`${id} overheating`] });
const auth = (token: string, body?: unknown): RequestInit => ({
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
  ...(body ? { body: JSON.stringify(body) } : {}),
});

describe('GET /api/alerts', () => {
  it('lists alerts newest first, page by page', async () => {
    const h = await setup();
    for (const id of ['a', 'b', 'c']) await h.writer.write([critical(id)]);
    const first = await h.call('/api/alerts?limit=2');
    expect(first.status).toBe(200);
    expectSchema('AlertList', first.body);
    expect(first.body.alerts.map((a: { sensor_id: string }) => a.sensor_id)).toEqual(['c', 'b']);
    expect(first.body.alerts[0]).toMatchObject({
      severity: 'critical',
      reasons: ['c overheating'],
      ack: false,
    });
    const next = await h.call(`/api/alerts?limit=2&cursor=${first.body.pagination.next_cursor}`);
    expect(next.body.alerts.map((a: { sensor_id: string }) => a.sensor_id)).toEqual(['a']);
    expect(next.body.pagination.has_more).toBe(false);
    expect((await h.call('/api/alerts?cursor=abc')).status).toBe(400);
    expect((await h.call('/api/alerts?limit=0')).status).toBe(400);
  });
});

describe('POST /api/alerts/:id/ack', () => {
  it('is refused with a 403 that says how to enable it when no token is configured', async () => {
    const h = await setup();
    await h.writer.write([critical('a')]);
    const [alert] = (await h.call('/api/alerts')).body.alerts;
    const { status, body } = await h.call(`/api/alerts/${alert.id}/ack`, { method: 'POST' });
    expect(status).toBe(403);
    expect(body.error.code).toBe('mutations_disabled');
    expect(body.error.message).toContain('API_TOKEN');
  });

  it('acknowledges with the token, once, recording who', async () => {
    const h = await setup({ token: 'tok-123' });
    await h.writer.write([critical('a')]);
    const [alert] = (await h.call('/api/alerts', { headers: { authorization: 'Bearer tok-123' } })).body
      .alerts;
    expect((await h.call(`/api/alerts/${alert.id}/ack`, { method: 'POST' })).status).toBe(401);
    expect((await h.call(`/api/alerts/${alert.id}/ack`, auth('wrong'))).status).toBe(401);
    const done = await h.call(`/api/alerts/${alert.id}/ack`, auth('tok-123', { by: 'operator 7' }));
    expect(done.status).toBe(200);
    expectSchema('Ack', done.body);
    expect(done.body).toMatchObject({ alert_id: alert.id, result: 'acknowledged' });
    expect((await h.call(`/api/alerts/${alert.id}/ack`, auth('tok-123'))).body.result).toBe(
      'already_acknowledged',
    );
    const [after] = (await h.call('/api/alerts', { headers: { authorization: 'Bearer tok-123' } })).body
      .alerts;
    expect(after).toMatchObject({
      ack: true,
      acked_by: 'operator 7',
      acked_at: h.store.clock.now().toISOString(),
    });
  });

  it.each([
    ['/api/alerts/not-an-id/ack', undefined, 400],
    ['/api/alerts/1-0/ack', undefined, 404],
    ['/api/alerts/1-0/ack', { by: 42 }, 400],
    ['/api/alerts/1-0/ack', { by: 'x'.repeat(65) }, 400],
    ['/api/alerts/1-0/ack', [1, 2], 400],
  ])('%s with body %j answers %i', async (path, body, status) => {
    const h = await setup({ token: 't' });
    const answer = await h.call(path, auth('t', body));
    expect(answer.status).toBe(status);
    expect(answer.body.error.message.length).toBeGreaterThan(0);
  });

  it('refuses bodies that are not JSON or too large', async () => {
    const h = await setup({ token: 't' });
    const text = await h.call('/api/alerts/1-0/ack', {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(text.status).toBe(400);
    const big = await h.call('/api/alerts/1-0/ack', {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'x'.repeat(10_000) }),
    });
    expect(big.status).toBe(413);
  });
});
