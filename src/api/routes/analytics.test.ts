import { describe, expect, it } from 'vitest';
import { apiHarnessPerTest, expectSchema } from '../../../test/support/api-harness.ts';
import { scored } from '../../../test/support/sample-readings.ts';

const setup = apiHarnessPerTest();

describe('GET /api/analytics/history', () => {
  it('is empty on an empty store: nothing is made up', async () => {
    const h = await setup();
    const { status, body } = await h.call('/api/analytics/history?hours=24');
    expect(status).toBe(200);
    expectSchema('AnalyticsHistory', body);
    expect(body.history).toEqual([]);
    expect(body.hours).toBe(24);
  });

  it('answers the stored fleet history with metered energy and its cost per interval', async () => {
    const h = await setup();
    // one fleet-history entry per 10 s bucket; each step meters 0.5 kWh per sensor
    for (let step = 0; step < 6; step++) {
      await h.writer.write([
        scored({ sensor_id: 'a', seq: step + 1, power_kw: 10, energy_kwh: 100 + step * 0.5 }),
        scored(
          { sensor_id: 'b', seq: step + 1, power_kw: 20, energy_kwh: 200 + step * 0.5 },
          step === 5 ? 'critical' : 'normal',
        ),
      ]);
      h.store.clock.advance(10_000);
    }
    // 360 buckets in an hour: with 1000 points allowed every stored entry comes back
    const { body } = await h.call('/api/analytics/history?hours=1&points=1000');
    expectSchema('AnalyticsHistory', body);
    expect(body.history).toHaveLength(6);
    expect(body.history[0]).toMatchObject({
      energy_kwh: 0,
      cost: 0,
      readings: 0,
      power_kw: 30,
      active_sensors: 2,
    });
    // 06:01 UTC is shoulder: 1 kWh × 0.12
    expect(body.history[1]).toMatchObject({ energy_kwh: 1, cost: 0.12, readings: 2 });
    expect(body.history[5]).toMatchObject({ status_critical: 1 });
    const sampled = await h.call('/api/analytics/history?hours=1&points=3');
    expect(sampled.body.history.length).toBeLessThanOrEqual(3);
    // a 20-minute step finds the first entry of the minute written, and nothing invented around it
    expect(sampled.body.history.map((p: { timestamp: string }) => p.timestamp)).toEqual([
      body.history[0].timestamp,
    ]);
  });

  it.each(['hours=0', 'hours=169', 'hours=2.5', 'hours=-1', 'points=1', 'points=1001', 'hours=1e3'])(
    'refuses %s',
    async (query) => {
      const h = await setup();
      const { status, body } = await h.call(`/api/analytics/history?${query}`);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/must be an integer from/);
    },
  );
});

describe('GET /api/optimization/suggestions', () => {
  it('runs the optimizer over the stored fleet, with the tariff it used', async () => {
    const h = await setup();
    const pumps = ['p1', 'p2', 'p3', 'p4'].map((id) =>
      scored({ sensor_id: id, device_type: 'pump', power_kw: 10 }),
    );
    const hog = scored({ sensor_id: 'hog', device_type: 'pump', power_kw: 40 });
    const failing = scored({ sensor_id: 'sick', device_type: 'motor', power_kw: 5 }, 'critical', {
      failure_probability: 0.9,
    });
    await h.writer.write([...pumps, hog, failing]);
    const { status, body } = await h.call('/api/optimization/suggestions?limit=2');
    expect(status).toBe(200);
    expectSchema('Suggestions', body);
    expect(body.sensors_analyzed).toBe(6);
    expect(body.total_generated).toBe(3);
    expect(body.suggestions.map((s: { id: string }) => s.id)).toEqual([
      'predictive_maintenance:sick',
      'energy_efficiency:hog',
    ]);
    expect(body.tariff).toMatchObject({
      on_peak: 0.18,
      off_peak: 0.08,
      peak_hours: [9, 18],
      time_zone: 'UTC',
    });
    expect((await h.call('/api/optimization/suggestions?limit=101')).status).toBe(400);
  });
});
