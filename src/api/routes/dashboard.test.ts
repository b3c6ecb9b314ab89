import { describe, expect, it } from 'vitest';
import { apiHarnessPerTest, expectSchema } from '../../../test/support/api-harness.ts';
import { scored } from '../../../test/support/sample-readings.ts';
import { DEFAULT_OPTIMIZER_OPTIONS } from '../../optimizer/optimizer-options.ts';
import { DEFAULT_TARIFF } from '../../optimizer/tariff.ts';

const setup = apiHarnessPerTest();

describe('GET /api/dashboard/stats', () => {
  it('is all zero on an empty store', async () => {
    const h = await setup();
    const { status, body } = await h.call('/api/dashboard/stats');
    expect(status).toBe(200);
    expectSchema('DashboardStats', body);
    expect(body).toMatchObject({
      total_sensors: 0,
      total_power_kw: 0,
      total_energy_kwh: 0,
      readings_per_second: null,
      healthy_percent: null,
      cost_per_hour: 0,
      updated_at: null,
    });
  });

  it('reports the written aggregates, the ingest rate and the cost of the power now', async () => {
    const h = await setup();
    // 2026-11-22T06:01Z: shoulder in UTC (0.12 per kWh)
    await h.writer.write([
      scored({ sensor_id: 'a', seq: 1, power_kw: 10, energy_kwh: 100 }),
      scored({ sensor_id: 'b', seq: 1, power_kw: 5, energy_kwh: 50 }, 'critical'),
    ]);
    h.store.clock.advance(10_000);
    await h.writer.write([
      scored({ sensor_id: 'a', seq: 2, power_kw: 12, energy_kwh: 101.5 }),
      scored({ sensor_id: 'b', seq: 2, power_kw: 5, energy_kwh: 50.5 }, 'critical'),
    ]);
    const { body } = await h.call('/api/dashboard/stats');
    expectSchema('DashboardStats', body);
    expect(body).toMatchObject({
      total_sensors: 2,
      online_sensors: 2,
      status_normal: 1,
      status_critical: 1,
      total_power_kw: 17,
      average_power_kw: 8.5,
      total_energy_kwh: 2,
      total_readings: 4,
      anomaly_count: 2,
      readings_per_second: 0.2,
      healthy_percent: 50,
      tariff_period: 'shoulder',
      current_rate: 0.12,
      cost_per_hour: 2.04,
      currency: 'USD',
    });
  });

  it('uses the plant time zone for the tariff', async () => {
    const h = await setup({
      optimizer: {
        ...DEFAULT_OPTIMIZER_OPTIONS,
        tariff: { ...DEFAULT_TARIFF, timeZone: 'Asia/Tokyo', currency: 'JPY' },
      },
    });
    const { body } = await h.call('/api/dashboard/stats');
    // 06:01 UTC is 15:01 in Tokyo: on-peak
    expect(body).toMatchObject({ tariff_period: 'on_peak', current_rate: 0.18, currency: 'JPY' });
  });
});

describe('GET /api/producer/status', () => {
  it('reports producers from heartbeats, connected or lapsed', async () => {
    const h = await setup();
    expect((await h.call('/api/producer/status')).body).toMatchObject({
      is_active: false,
      last_data_time: null,
      time_since_last_data: null,
      producers: [],
    });
    await h.heartbeat({ producer_id: 'edge-1', sensors: 300 });
    h.store.clock.advance(4_000);
    const live = await h.call('/api/producer/status');
    expectSchema('ProducerStatus', live.body);
    expect(live.body).toMatchObject({
      is_active: true,
      time_since_last_data: 4,
      producers: [{ producer_id: 'edge-1', connected: true, host: 'producer-host', sensors: 300 }],
    });
    await h.store.redis.del(h.store.options.keys.producer('edge-1'));
    const gone = await h.call('/api/producer/status');
    expect(gone.body).toMatchObject({
      is_active: false,
      producers: [{ producer_id: 'edge-1', connected: false }],
    });
    expect(gone.body.last_data_time).toBe(live.body.last_data_time);
  });
});

describe('GET /api/energy-data/realtime', () => {
  it('combines a bounded page of sensors with stats and producer status', async () => {
    const h = await setup();
    await h.writer.write(Array.from({ length: 8 }, (_, i) => scored({ sensor_id: `s${i}`, seq: 1 })));
    await h.heartbeat({ producer_id: 'edge-1' });
    const { status, body } = await h.call('/api/energy-data/realtime?limit=3');
    expect(status).toBe(200);
    expectSchema('EnergyRealtime', body);
    expect(body.sensors.map((s: { sensor_id: string }) => s.sensor_id)).toEqual(['s0', 's1', 's2']);
    expect(body.pagination.has_more).toBe(true);
    expect(body.stats.total_sensors).toBe(8);
    expect(body.producer_status.is_active).toBe(true);
    expect((await h.call('/api/energy-data/realtime?limit=999')).status).toBe(400);
  });
});

describe('GET /api/quality and /api/locations', () => {
  it('reports detection counts against ground truth and the live locations', async () => {
    const h = await setup();
    await h.writer.write([
      scored({ sensor_id: 'a', seq: 1, injected: 'spike' }, 'warning'),
      scored({ sensor_id: 'b', seq: 1, location: 'warehouse' }),
    ]);
    const quality = await h.call('/api/quality');
    expectSchema('Quality', quality.body);
    expect(quality.body.total).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 });
    expect(quality.body.precision).toBe(1);
    const locations = await h.call('/api/locations');
    expectSchema('Locations', locations.body);
    expect([...locations.body.locations].sort()).toEqual(['floor_a', 'warehouse']);
  });

  it('counts the sensors of every location by status', async () => {
    const h = await setup();
    await h.writer.write([
      scored({ sensor_id: 'a', seq: 1 }, 'warning'),
      scored({ sensor_id: 'b', seq: 1 }, 'critical'),
      scored({ sensor_id: 'c', seq: 1 }),
      scored({ sensor_id: 'd', seq: 1, location: 'warehouse' }),
    ]);
    const health = await h.call('/api/locations/health');
    expect(health.status).toBe(200);
    expectSchema('LocationHealth', health.body);
    expect(health.body.locations).toEqual([
      {
        location: 'floor_a',
        sensors: 3,
        normal: 1,
        warning: 1,
        critical: 1,
        offline: 0,
        healthy_percent: 33.3,
      },
      {
        location: 'warehouse',
        sensors: 1,
        normal: 1,
        warning: 0,
        critical: 0,
        offline: 0,
        healthy_percent: 100,
      },
    ]);
  });
});
