import { createJsonCodec } from './json-codec.ts';
import { MAX_READING_BYTES, type Reading, ReadingSchema } from './reading.ts';
import type { DecodeResult } from './rejection.ts';

const codec = createJsonCodec(ReadingSchema, {
  maxBytes: MAX_READING_BYTES,
  enumFields: ['device_type', 'injected'],
});

/** Kafka message value → a validated reading or a typed rejection. Never throws. */
export function decodeReading(bytes: Uint8Array | string | null | undefined): DecodeResult<Reading> {
  return codec.decode(bytes);
}

/** A reading → the JSON bytes published on `sensor-data`. */
export function encodeReading(reading: Reading): Buffer {
  return codec.encode(reading);
}

/** Validates a reading built in memory (e.g. from a CSV row). Never throws. */
export function validateReading(value: unknown): DecodeResult<Reading> {
  return codec.validate(value);
}
