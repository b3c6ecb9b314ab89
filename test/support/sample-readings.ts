import type { Reading } from '../../src/domain/reading.ts';
import type { Assessment } from '../../src/domain/sensor-state.ts';
import type { SensorStatus } from '../../src/domain/sensor-status.ts';
import type { ScoredReading } from '../../src/store/sensor-hash.ts';

export const T0 = Date.parse('2026-11-22T06:00:00.000Z');

/** A valid reading with round numbers; `seq` also sets ts (one second per seq step from T0). */
export function sampleReading(overrides: Partial<Reading> = {}): Reading {
  const seq = overrides.seq ?? 1;
  return {
    sensor_id: 'sensor_001',
    ts: new Date(T0 + seq * 1000).toISOString(),
    seq,
    device_type: 'motor',
    location: 'floor_a',
    current: 20,
    voltage: 230,
    power_factor: 0.9,
    power_kw: 4,
    energy_kwh: 1000 + seq / 1000,
    temperature: 40,
    pressure: 5,
    vibration: 2,
    producer_host: 'producer-1',
    injected: null,
    ...overrides,
  };
}

export function assessment(status: SensorStatus = 'normal', overrides: Partial<Assessment> = {}): Assessment {
  const anomalous = status !== 'normal';
  return {
    anomaly_score: anomalous ? 0.8 : 0.1,
    is_anomaly: anomalous,
    failure_probability: status === 'critical' ? 0.7 : 0.05,
    status,
    reasons: anomalous ? [`temperature ${status}`] : [],
    model_version: 'test@1',
    ...overrides,
  };
}

export function scored(
  reading: Partial<Reading>,
  status: SensorStatus = 'normal',
  extra: Partial<Assessment> = {},
): ScoredReading {
  return { reading: sampleReading(reading), assessment: assessment(status, extra) };
}
