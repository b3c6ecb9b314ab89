import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryReading, FREQUENT_ANOMALIES } from '../../../test/support/arbitrary-reading.ts';
import { runGenerator } from '../../../test/support/simulated-run.ts';
import { MAX_READING_BYTES, type Reading } from '../../domain/reading.ts';
import { createFleet } from '../fleet/create-fleet.ts';
import { createGenerator } from '../signals/create-generator.ts';
import { writeReadingJson } from './reading-bytes.ts';

const START = Date.parse('2026-03-04T10:00:00Z');

/** What writeReadingJson put into a buffer already holding other bytes, at an odd offset. */
function written(reading: Reading): Buffer {
  const out = Buffer.alloc(64 * 1024, 0xff);
  const end = writeReadingJson(reading, out, 17);
  expect(out[16]).toBe(0xff);
  expect(out[end]).toBe(0xff);
  return out.subarray(17, end);
}

describe('writeReadingJson', () => {
  it('writes exactly the bytes of JSON.stringify, for any reading in schema order (property)', () => {
    fc.assert(
      fc.property(arbitraryReading, (reading) => {
        expect(written(reading).toString('utf8')).toBe(JSON.stringify(reading));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches JSON.stringify byte for byte on generated readings, anomalies included', () => {
    const generator = createGenerator(createFleet({ sensors: 200, seed: 8 }), {
      startMs: START,
      anomalies: FREQUENT_ANOMALIES,
    });
    const present = runGenerator(generator, { startMs: START, steps: 30, intervalMs: 1000 })
      .flat()
      .filter((r): r is Reading => r !== null);
    expect(present.length).toBeGreaterThan(4500);
    const different = present.filter((r) => !written(r).equals(Buffer.from(JSON.stringify(r))));
    expect(different).toEqual([]);
  });

  it('falls back to JSON.stringify for extra channels and text that needs escaping', () => {
    const base = runGenerator(createGenerator(createFleet({ sensors: 1, seed: 1 }), { startMs: START }), {
      startMs: START,
      steps: 1,
      intervalMs: 1000,
    })[0]?.[0] as Reading;
    for (const reading of [
      { ...base, extra: { flow: 1.5 } },
      { ...base, producer_host: 'hôte "α"\n' },
      { ...base, location: 'back\\slash' },
    ]) {
      expect(written(reading).toString('utf8')).toBe(JSON.stringify(reading));
    }
  });

  it('throws instead of writing past the end of the buffer', () => {
    const reading = {
      ...(runGenerator(createGenerator(createFleet({ sensors: 1, seed: 1 }), { startMs: START }), {
        startMs: START,
        steps: 1,
        intervalMs: 1000,
      })[0]?.[0] as Reading),
    };
    expect(() => writeReadingJson(reading, Buffer.alloc(100), 0)).toThrow(RangeError);
    expect(() =>
      writeReadingJson(
        { ...reading, extra: { a: 1 } },
        Buffer.alloc(MAX_READING_BYTES),
        MAX_READING_BYTES - 50,
      ),
    ).toThrow(RangeError);
  });
});
