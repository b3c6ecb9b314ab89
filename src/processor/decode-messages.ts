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
    rejects.push({
      key: message.key,
      record: createDlqRecord(
        result,
        { topic: message.topic, partition: message.partition, offset: message.offset },
        message.value,
        now,
      ),
    });
  }
  return { readings, rejects };
}
