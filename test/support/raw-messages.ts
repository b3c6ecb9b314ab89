import type { Reading } from '../../src/domain/reading.ts';
import { encodeReading } from '../../src/domain/reading-codec.ts';
import type { RawMessage } from '../../src/processor/input.ts';
import { sampleReading } from './sample-readings.ts';

/** A Kafka-like message; offsets count per partition from `offset`. */
export function rawMessage(
  value: Buffer | string | null,
  partition = 0,
  offset = 0,
  key: string | null = null,
): RawMessage {
  return {
    topic: 'sensor-data',
    partition,
    offset: String(offset),
    key: key === null ? null : Buffer.from(key),
    value: value === null ? null : Buffer.from(value),
  };
}

/** A valid reading message. */
export function readingMessage(reading: Partial<Reading>, partition = 0, offset = 0): RawMessage {
  const r = sampleReading(reading);
  return rawMessage(encodeReading(r), partition, offset, r.sensor_id);
}
