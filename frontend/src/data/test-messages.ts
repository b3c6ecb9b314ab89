/** Contract-shaped messages and sensors for the data layer's tests. */
import type { InitialDataMessage, Sensor, StatsSummary } from '../contract.ts';

export function stats(change: Partial<StatsSummary> = {}): StatsSummary {
  return {
    total_sensors: 300,
    online_sensors: 300,
    status_normal: 290,
    status_warning: 8,
    status_critical: 2,
    status_offline: 0,
    total_power_kw: 4200,
    average_power_kw: 14,
    total_energy_kwh: 1000,
    total_readings: 30_000,
    anomaly_count: 40,
    readings_per_second: 300,
    healthy_percent: 96.7,
    tariff_period: 'on_peak',
    current_rate: 0.2,
    cost_per_hour: 840,
    currency: 'EUR',
    updated_at: '2026-11-22T09:00:00.000Z',
    ...change,
  };
}

export function sensor(id: string, change: Partial<Sensor> = {}): Sensor {
  return {
    sensor_id: id,
    ts: '2026-11-22T09:00:00.000Z',
    seq: 1,
    device_type: 'motor',
    location: 'floor_a',
    current: 20,
    voltage: 400,
    power_factor: 0.9,
    power_kw: 12.5,
    energy_kwh: 100,
    temperature: 55,
    pressure: null,
    vibration: 2.1,
    producer_host: 'sim',
    injected: null,
    anomaly_score: 0.2,
    is_anomaly: false,
    failure_probability: 0.05,
    status: 'normal',
    reasons: [],
    model_version: 'motor@1',
    processed_at: '2026-11-22T09:00:00.100Z',
    ...change,
  };
}

export function initialData(change: Partial<InitialDataMessage> = {}): InitialDataMessage {
  return {
    type: 'initial_data',
    ts: '2026-11-22T09:00:00.000Z',
    stats: stats(),
    producer_status: {
      is_active: true,
      last_data_time: '2026-11-22T08:59:59.000Z',
      time_since_last_data: 1,
      producers: [],
    },
    critical_sensors: { count: 0, sensors: [] },
    view: { filter: {}, sensors: [], next_cursor: null },
    tick_ms: 1000,
    ...change,
  };
}
