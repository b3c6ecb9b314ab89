import { describe, expect, it } from 'vitest';
import { apiHarnessPerTest, expectSchema } from '../../../test/support/api-harness.ts';
import { scored } from '../../../test/support/sample-readings.ts';

const setup = apiHarnessPerTest();

const fleet = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    scored(
      {
        sensor_id: `s${String(i).padStart(2, '0')}`,
        location: i % 2 ? 'floor_b' : 'floor_a',
        device_type: i % 3 ? 'pump' : 'motor',
        power_kw: i,
      },
      i % 5 === 4 ? 'critical' : i % 5 === 3 ? 'warning' : 'normal',
    ),
  );
const ids = (body: { sensors: { sensor_id: string }[] }) => body.sensors.map((s) => s.sensor_id);

describe('GET /api/sensors', () => {
  it('pages through every sensor in id order with an opaque cursor', async () => {
    const h = await setup();
    await h.writer.write(fleet(12));
    const first = await h.call('/api/sensors?limit=5');
    expect(first.status).toBe(200);
    expectSchema('SensorList', first.body);
    expect(ids(first.body)).toEqual(['s00', 's01', 's02', 's03', 's04']);
    expect(first.body.count).toBe(5);
    expect(first.body.pagination).toMatchObject({ limit: 5, has_more: true });
    expect(first.body.sensors[4]).toMatchObject({
      sensor_id: 's04',
      status: 'critical',
      power_kw: 4,
      location: 'floor_a',
    });
    const cursor = first.body.pagination.next_cursor;
    const second = await h.call(`/api/sensors?limit=5&cursor=${cursor}`);
    expect(ids(second.body)).toEqual(['s05', 's06', 's07', 's08', 's09']);
    const last = await h.call(`/api/sensors?limit=5&cursor=${second.body.pagination.next_cursor}`);
    expect(ids(last.body)).toEqual(['s10', 's11']);
    expect(last.body.pagination).toEqual({ limit: 5, next_cursor: null, has_more: false });
  });

  it('filters by status, location, type and id prefix, together', async () => {
    const h = await setup();
    await h.writer.write(fleet(20));
    expect(ids((await h.call('/api/sensors?status=critical')).body)).toEqual(['s04', 's09', 's14', 's19']);
    expect(ids((await h.call('/api/sensors?status=critical&location=floor_b')).body)).toEqual(['s09', 's19']);
    expect(ids((await h.call('/api/sensors?type=motor&location=floor_a')).body)).toEqual([
      's00',
      's06',
      's12',
      's18',
    ]);
    expect(ids((await h.call('/api/sensors?text=s1&status=warning')).body)).toEqual(['s13', 's18']);
    const filtered = await h.call('/api/sensors?status=critical&location=floor_b');
    expect(filtered.body.filter).toEqual({ status: 'critical', location: 'floor_b', limit: 50 });
  });

  it.each([
    ['limit=0', 'limit must be an integer from 1 to 500'],
    ['limit=501', 'limit must be an integer from 1 to 500'],
    ['limit=1.5', 'limit must be an integer from 1 to 500'],
    ['status=broken', 'status must be one of normal, warning, critical, offline'],
    ['type=toaster', 'type must be one of'],
    ['location=Floor%20A', 'location must be a location id'],
    ['text=%7B', 'text must be a sensor id prefix'],
    ['cursor=***', 'cursor must be a next_cursor value'],
    ['cursor=bm90LWFuLWlk_', 'cursor is not valid'],
  ])('refuses %s with 400 and says why', async (query, message) => {
    const h = await setup();
    const { status, body } = await h.call(`/api/sensors?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toMatch(/^bad_(parameter|cursor)$/);
    expect(body.error.message).toContain(message);
  });
});

describe('GET /api/sensors/:id', () => {
  it('answers the stored state, 404 for unknown ids and 400 for malformed ones', async () => {
    const h = await setup();
    const item = scored({ sensor_id: 'pump-7', seq: 4, extra: { flow_rate: 3.5 } }, 'warning');
    await h.writer.write([item]);
    const found = await h.call('/api/sensors/pump-7');
    expect(found.status).toBe(200);
    expectSchema('SensorResponse', found.body);
    expect(found.body.sensor).toEqual({
      ...item.reading,
      ...item.assessment,
      processed_at: h.store.clock.now().toISOString(),
    });
    const missing = await h.call('/api/sensors/nobody');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const bad = await h.call('/api/sensors/%7Bbad%7D');
    expect(bad.status).toBe(400);
  });
});

describe('GET /api/sensors/:id/history', () => {
  it('answers the downsampled points the writer kept', async () => {
    const h = await setup();
    const bucket = h.store.options.historyBucketMs;
    for (let seq = 1; seq <= 3; seq++) {
      await h.writer.write([
        scored({
          seq,
          power_kw: seq * 2,
          ts: new Date(Date.parse('2026-11-22T06:00:00Z') + seq * bucket).toISOString(),
        }),
      ]);
    }
    const { status, body } = await h.call('/api/sensors/sensor_001/history');
    expect(status).toBe(200);
    expectSchema('SensorHistory', body);
    expect(body.bucket_ms).toBe(bucket);
    expect(body.points.map((p: { power_kw: number }) => p.power_kw)).toEqual([2, 4, 6]);
    expect((await h.call('/api/sensors/ghost/history')).status).toBe(404);
  });
});
