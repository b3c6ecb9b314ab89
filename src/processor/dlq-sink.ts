/**
 * Where rejected messages go. The Kafka producer for `sensor-data.dlq` implements this in the
 * consumer-group runner; `createMemoryDlqSink` keeps them in memory for tests and the benchmark.
 * A chunk is acknowledged only after its DLQ records were sent, so nothing is dropped silently.
 */
import type { DlqRecord } from '../domain/dlq-record.ts';

export interface DlqSink {
  /** Sends the records (with the original message key); resolves once they are durable. */
  send(records: readonly { readonly key: Buffer | null; readonly record: DlqRecord }[]): Promise<void>;
}

export interface MemoryDlqSink extends DlqSink {
  readonly records: { readonly key: Buffer | null; readonly record: DlqRecord }[];
}

/** A sink that appends to an array. */
export function createMemoryDlqSink(): MemoryDlqSink {
  const records: MemoryDlqSink['records'] = [];
  return {
    records,
    async send(batch) {
      records.push(...batch);
    },
  };
}
