/**
 * Record batches (magic 2) built by kafkajs' own encoder, for broker storage tests: the same
 * bytes a kafkajs producer would send for one partition.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface BatchRecord {
  readonly key?: string | Buffer | null;
  readonly value: string | Buffer | null;
  readonly headers?: Record<string, string | Buffer>;
  readonly timestamp?: number;
}

export interface BatchOptions {
  readonly records: readonly BatchRecord[];
  readonly producerId?: number;
  readonly producerEpoch?: number;
  readonly firstSequence?: number;
  /** kafkajs codec number: 0 none, 1 gzip. */
  readonly compression?: number;
  readonly transactional?: boolean;
}

type Encoded = { buffer: Buffer };
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as {
  RecordBatch: (input: object) => Promise<Encoded>;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (input: object) => Encoded;

export async function kafkajsBatch(options: BatchOptions): Promise<Buffer> {
  const first = options.records[0]?.timestamp ?? 1_763_791_200_000;
  const timestamps = options.records.map((r) => r.timestamp ?? first);
  const encoded = await RecordBatch({
    compression: options.compression ?? 0,
    firstTimestamp: Math.min(...timestamps),
    maxTimestamp: Math.max(...timestamps),
    lastOffsetDelta: options.records.length - 1,
    producerId: options.producerId ?? -1,
    producerEpoch: options.producerEpoch ?? 0,
    firstSequence: options.firstSequence ?? 0,
    transactional: options.transactional ?? false,
    records: options.records.map((r, i) =>
      Record({
        offsetDelta: i,
        timestampDelta: (r.timestamp ?? first) - Math.min(...timestamps),
        key: r.key ?? null,
        value: r.value,
        headers: r.headers ?? {},
      }),
    ),
  });
  // RecordBatch writes baseOffset then the rest as length-prefixed bytes: exactly the batch layout.
  return Buffer.from(encoded.buffer);
}
