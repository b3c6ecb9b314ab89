/**
 * The decode/validate stage: raw messages → valid readings, and for every message that is not a
 * valid reading a dead-letter record naming the reason, partition and offset.
 */
import { createDlqRecord, type DlqRecord } from '../domain/dlq-record.ts';
import type { Reading } from '../domain/reading.ts';
import { decodeReading } from '../domain/reading-codec.ts';
import type { RawMessage } from './input.ts';

export interface DecodedMessages {
  readonly readings: Reading[];
  readonly rejects: { readonly key: Buffer | null; readonly record: DlqRecord }[];
}

/**
 * The DLQ copy of a rejected message keeps at most this many bytes of it: a dead-letter record must
 * itself fit in a Kafka message (1 MB by default), or a huge reject would block its partition.
 */
export const DLQ_RAW_LIMIT_BYTES = 65_536;

/** Decodes `messages`; never throws. */
export function decodeMessages(messages: readonly RawMessage[], now: Date = new Date()): DecodedMessages {
  const readings: Reading[] = [];
  const rejects: DecodedMessages['rejects'] = [];
  for (const message of messages) {
    const result = decodeReading(message.value);
    if (result.ok) {
      readings.push(result.value);
      continue;
    }
    const value = message.value;
    const cut = value !== null && value.length > DLQ_RAW_LIMIT_BYTES;
    const rejection = cut
      ? {
          ...result,
          message: `${result.message} (raw holds the first ${DLQ_RAW_LIMIT_BYTES} of ${value.length} bytes)`,
        }
      : result;
    rejects.push({
      key: message.key,
      record: createDlqRecord(
        rejection,
        { topic: message.topic, partition: message.partition, offset: message.offset },
        cut ? value.subarray(0, DLQ_RAW_LIMIT_BYTES) : value,
        now,
      ),
    });
  }
  return { readings, rejects };
}
