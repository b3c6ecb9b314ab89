import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANOMALY_KINDS } from './anomaly-kind.ts';
import { DEVICE_TYPES } from './device-type.ts';
import { LOCATIONS } from './location.ts';
import { MAX_READING_BYTES, type Reading } from './reading.ts';
import { decodeReading, encodeReading } from './reading-codec.ts';

const VALID: Reading = {
  sensor_id: 'sensor_042',
  ts: '2026-11-22T06:03:01.123Z',
  seq: 1_763_791_381_123,
  device_type: 'compressor',
  location: 'production_a',
  current: 23.41,
  voltage: 229.8,
  power_factor: 0.91,
  power_kw: 8.4712,
  energy_kwh: 12345.6789,
  temperature: 41.2,
  pressure: 6.12,
  vibration: 2.31,
  producer_host: 'producer-1',
  injected: null,
};

// JSON has no negative zero, so -0 is generated as 0.
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));
const measured = (min: number, max: number) => fc.option(finite(min, max), { nil: null, freq: 8 });

const arbitraryReading: fc.Arbitrary<Reading> = fc.record(
  {
    sensor_id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/),
    ts: fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
    seq: fc.maxSafeNat(),
    device_type: fc.constantFrom(...DEVICE_TYPES),
    location: fc.oneof(fc.constantFrom(...LOCATIONS), fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/)),
    current: measured(0, 1e9),
    voltage: measured(0, 1e9),
    power_factor: measured(-1, 1),
    power_kw: measured(-1e9, 1e9),
    energy_kwh: measured(0, 1e9),
    temperature: measured(-273.15, 1e9),
    pressure: measured(-1e9, 1e9),
    vibration: measured(0, 1e9),
    producer_host: fc.string({ maxLength: 255, unit: 'grapheme-ascii' }),
    injected: fc.option(fc.constantFrom(...ANOMALY_KINDS), { nil: null }),
    extra: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,31}$/), finite(-1e9, 1e9), { maxKeys: 16 }),
  },
  { requiredKeys: Object.keys(VALID) as (keyof Reading)[] },
);

function decodeText(text: string) {
  return decodeReading(Buffer.from(text));
}

function mutated(change: (r: Record<string, unknown>) => void): Buffer {
  const copy: Record<string, unknown> = { ...VALID };
  change(copy);
  return Buffer.from(JSON.stringify(copy));
}

describe('decodeReading', () => {
  it('accepts a valid reading and returns its fields unchanged', () => {
    const result = decodeReading(encodeReading(VALID));
    expect(result).toEqual({ ok: true, value: VALID });
  });

  it('round-trips every valid reading (property)', () => {
    fc.assert(
      fc.property(arbitraryReading, (reading) => {
        const result = decodeReading(encodeReading(reading));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toEqual(reading);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary bytes and rejects them with a known reason (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6000 }), (bytes) => {
        const result = decodeReading(bytes);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary JSON values (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = decodeReading(Buffer.from(JSON.stringify(value) ?? 'null'));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects a valid reading with one required field removed as missing_field (property)', () => {
    const fields = Object.keys(VALID);
    fc.assert(
      fc.property(arbitraryReading, fc.constantFrom(...fields), (reading, field) => {
        const copy: Record<string, unknown> = { ...reading };
        delete copy[field];
        const result = decodeReading(Buffer.from(JSON.stringify(copy)));
        expect(result).toMatchObject({ ok: false, reason: 'missing_field' });
        if (!result.ok) expect(result.message).toContain(field);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a valid reading with one field of the wrong type (property)', () => {
    const wrongValues = fc.oneof(
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(
        arbitraryReading,
        fc.constantFrom(...Object.keys(VALID)),
        wrongValues,
        (reading, field, value) => {
          const copy: Record<string, unknown> = { ...reading, [field]: value };
          const result = decodeReading(Buffer.from(JSON.stringify(copy)));
          expect(result).toMatchObject({ ok: false, reason: 'wrong_type' });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects non-finite numbers (JSON overflow to Infinity) as not_finite', () => {
    for (const field of ['current', 'temperature', 'energy_kwh', 'seq']) {
      const text = JSON.stringify({ ...VALID, [field]: 0 }).replace(`"${field}":0`, `"${field}":1e999`);
      expect(decodeText(text)).toMatchObject({ ok: false, reason: 'not_finite' });
    }
    expect(decodeText(JSON.stringify(VALID).replace('"voltage":229.8', '"voltage":-1e400'))).toMatchObject({
      ok: false,
      reason: 'not_finite',
    });
  });

  it('rejects NaN and Infinity literals, which are not JSON', () => {
    expect(decodeText(JSON.stringify(VALID).replace('23.41', 'NaN'))).toMatchObject({
      reason: 'invalid_json',
    });
    expect(decodeText(JSON.stringify(VALID).replace('23.41', 'Infinity'))).toMatchObject({
      reason: 'invalid_json',
    });
  });

  it('rejects oversized strings as too_long and oversized messages as too_large', () => {
    expect(decodeReading(mutated((r) => (r.producer_host = 'h'.repeat(256))))).toMatchObject({
      reason: 'too_long',
    });
    expect(decodeReading(mutated((r) => (r.sensor_id = 's'.repeat(65))))).toMatchObject({
      reason: 'too_long',
    });
    const huge = decodeReading(mutated((r) => (r.producer_host = 'x'.repeat(1024 * 1024))));
    expect(huge).toMatchObject({ ok: false, reason: 'too_large' });
    if (!huge.ok) expect(huge.message).toContain(String(MAX_READING_BYTES));
  });

  it('rejects unknown enum values', () => {
    expect(decodeReading(mutated((r) => (r.device_type = 'toaster')))).toMatchObject({
      reason: 'unknown_enum',
    });
    expect(decodeReading(mutated((r) => (r.injected = 'gremlins')))).toMatchObject({
      reason: 'unknown_enum',
    });
  });

  it('rejects values outside physical bounds as out_of_range', () => {
    expect(decodeReading(mutated((r) => (r.power_factor = 1.5)))).toMatchObject({ reason: 'out_of_range' });
    expect(decodeReading(mutated((r) => (r.seq = -1)))).toMatchObject({ reason: 'out_of_range' });
    expect(decodeReading(mutated((r) => (r.temperature = -300)))).toMatchObject({ reason: 'out_of_range' });
  });

  it('rejects timestamps that are not UTC ISO-8601 with Z', () => {
    for (const ts of ['2026-11-22T06:03:01', '2026-11-22 06:03:01Z', '2026-13-01T00:00:00Z', '1732252800']) {
      expect(decodeReading(mutated((r) => (r.ts = ts)))).toMatchObject({ reason: 'bad_format' });
    }
  });

  it('rejects non-objects, empty and non-JSON input', () => {
    expect(decodeReading(null)).toMatchObject({ reason: 'empty' });
    expect(decodeReading(Buffer.alloc(0))).toMatchObject({ reason: 'empty' });
    expect(decodeText('[1,2]')).toMatchObject({ reason: 'not_object' });
    expect(decodeText('"reading"')).toMatchObject({ reason: 'not_object' });
    expect(decodeText('{"sensor_id":')).toMatchObject({ reason: 'invalid_json' });
  });

  it('accepts up to 16 named extra channels and rejects bad names, values and counts', () => {
    const extra = (value: unknown) => decodeReading(mutated((r) => (r.extra = value)));
    expect(extra({ flow_rate: 3.2, thermocouple: 25.8 })).toMatchObject({ ok: true });
    expect(extra({ 'Flow Rate': 1 })).toMatchObject({
      reason: 'bad_format',
      message: expect.stringContaining('Flow Rate'),
    });
    expect(extra({ flow_rate: 'high' })).toMatchObject({
      reason: 'wrong_type',
      message: expect.stringContaining('extra.flow_rate'),
    });
    expect(extra(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`c${i}`, i])))).toMatchObject({
      reason: 'too_long',
    });
    expect(
      decodeText(JSON.stringify({ ...VALID, extra: { flow: 0 } }).replace('"flow":0', '"flow":1e999')),
    ).toMatchObject({
      reason: 'not_finite',
    });
  });

  it('accepts null for channels a sensor does not have, and ignores unknown extra fields', () => {
    const result = decodeReading(mutated((r) => Object.assign(r, { vibration: null, firmware: '1.2' })));
    expect(result.ok).toBe(true);
  });
});
