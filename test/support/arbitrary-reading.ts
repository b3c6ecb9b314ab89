/** Readings in schema key order for property tests of the JSON writers: rounded as the generator rounds, or not. */
import fc from 'fast-check';
import { ANOMALY_KINDS } from '../../src/domain/anomaly-kind.ts';
import { DEVICE_TYPES } from '../../src/domain/device-type.ts';
import type { Reading } from '../../src/domain/reading.ts';

/** Numbers as the generator makes them (rounded) and as anything else might (not rounded). */
const value = (decimals: number) =>
  fc.option(
    fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => Math.round(n) / 10 ** decimals),
      fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 0.1, 1e-7, 123456.789),
    ),
    { nil: null },
  );

export const arbitraryReading: fc.Arbitrary<Reading> = fc.record({
  sensor_id: fc.oneof(fc.constant('sensor_001'), fc.string()),
  ts: fc.constant('2026-03-04T10:00:00.123Z'),
  seq: fc.maxSafeNat(),
  device_type: fc.constantFrom(...DEVICE_TYPES),
  location: fc.oneof(fc.constant('floor_a'), fc.string()),
  current: value(2),
  voltage: value(1),
  power_factor: value(3),
  power_kw: value(3),
  energy_kwh: value(3),
  temperature: value(2),
  pressure: value(3),
  vibration: value(3),
  producer_host: fc.oneof(fc.constant('host-1'), fc.string({ unit: 'binary' })),
  injected: fc.option(fc.constantFrom(...ANOMALY_KINDS), { nil: null }),
});

/** Generator settings that make every anomaly kind appear within a minute. */
export const FREQUENT_ANOMALIES = {
  ratePerHour: 600,
  mix: { spike: 1, level_shift: 1, drift: 1, stuck: 1, noise_burst: 1, overheating: 1, dropout: 1 },
  durationsS: {
    spike: 0,
    level_shift: 30,
    drift: 30,
    stuck: 30,
    noise_burst: 30,
    overheating: 30,
    dropout: 30,
  },
};
