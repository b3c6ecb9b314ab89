import type { RejectReason } from './rejection.ts';

/** What lands on `sensor-data.dlq` for a message that could not be used; nothing is dropped silently. */
export interface DlqRecord {
  readonly reason: RejectReason;
  /** Human-readable detail, e.g. which field and why. */
  readonly message: string;
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are int64; kept as a decimal string so no precision is ever lost. */
  readonly offset: string;
  /** The original message value, base64; empty string for a null value. */
  readonly raw: string;
  readonly rejected_at: string;
}

export interface DlqSource {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** Builds the dead-letter record for a rejected message. */
export function createDlqRecord(
  rejection: { readonly reason: RejectReason; readonly message: string },
  source: DlqSource,
  raw: Uint8Array | null,
  now: Date = new Date(),
): DlqRecord {
  return {
    reason: rejection.reason,
    message: rejection.message,
    topic: source.topic,
    partition: source.partition,
    offset: source.offset,
    raw: raw ? Buffer.from(raw).toString('base64') : '',
    rejected_at: now.toISOString(),
  };
}
