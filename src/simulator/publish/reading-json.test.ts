import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryReading, FREQUENT_ANOMALIES } from '../../../test/support/arbitrary-reading.ts';
import { runGenerator } from '../../../test/support/simulated-run.ts';
import type { Reading } from '../../domain/reading.ts';
import { encodeReading } from '../../domain/reading-codec.ts';
import { createFleet } from '../fleet/create-fleet.ts';
import { createGenerator } from '../signals/create-generator.ts';
import { readingJson } from './reading-json.ts';

const START = Date.parse('2026-03-04T10:00:00Z');

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
      anomalies: FREQUENT_ANOMALIES,
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
