import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runGenerator } from '../../../test/support/simulated-run.ts';
import { ANOMALY_KINDS } from '../../domain/anomaly-kind.ts';
import { DEVICE_TYPES } from '../../domain/device-type.ts';
import type { Reading } from '../../domain/reading.ts';
import { encodeReading } from '../../domain/reading-codec.ts';
import { createFleet } from '../fleet/create-fleet.ts';
import { createGenerator } from '../signals/create-generator.ts';
import { readingJson } from './reading-json.ts';

const START = Date.parse('2026-03-04T10:00:00Z');

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

const arbitraryReading: fc.Arbitrary<Reading> = fc.record({
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

describe('readingJson', () => {
  it('writes exactly what JSON.stringify writes, for any reading in schema order (property)', () => {
    fc.assert(
      fc.property(arbitraryReading, (reading) => {
        expect(readingJson(reading)).toBe(JSON.stringify(reading));
      }),
      { numRuns: 5000 },
    );
  });

  it('matches encodeReading byte for byte on generated readings, anomalies included', () => {
    const generator = createGenerator(createFleet({ sensors: 200, seed: 8 }), {
      startMs: START,
      anomalies: {
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
      },
    });
    const readings = runGenerator(generator, { startMs: START, steps: 60, intervalMs: 1000 }).flat();
    const present = readings.filter((r): r is Reading => r !== null);
    const different = present.filter((r) => !Buffer.from(readingJson(r)).equals(encodeReading(r)));
    expect(different).toEqual([]);
    expect(present.length).toBeGreaterThan(9000);
    expect(new Set(present.map((r) => r.injected)).size).toBe(8);
  });

  it('falls back to JSON.stringify for readings with extra channels', () => {
    const reading = {
      ...(runGenerator(createGenerator(createFleet({ sensors: 1, seed: 1 }), { startMs: START }), {
        startMs: START,
        steps: 1,
        intervalMs: 1000,
      })[0]?.[0] as Reading),
      extra: { flow: 1.5 },
    };
    expect(readingJson(reading)).toBe(JSON.stringify(reading));
  });
});
