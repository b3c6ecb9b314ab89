/**
 * The fixed 61-byte header of a record batch (magic 2), which is all the broker ever reads of a
 * batch: records stay opaque (and possibly compressed) from produce to fetch.
 *
 *   0 baseOffset i64 | 8 batchLength i32 | 12 partitionLeaderEpoch i32 | 16 magic i8 | 17 crc u32
 *   21 attributes i16 | 23 lastOffsetDelta i32 | 27 firstTimestamp i64 | 35 maxTimestamp i64
 *   43 producerId i64 | 51 producerEpoch i16 | 53 baseSequence i32 | 57 recordCount i32 | 61 records
 *
 * The CRC covers bytes 21 to the end, so the two fields the broker rewrites (base offset and leader
 * epoch) never require recomputing it.
 */
export const BATCH_HEADER_SIZE = 61;
/** Bytes before and including `batchLength`: a batch occupies 12 + batchLength bytes. */
export const BATCH_LENGTH_PREFIX = 12;
export const CRC_START = 21;

const TWO_POW_32 = 4_294_967_296;

export interface RecordBatchHeader {
  /** Total bytes of the batch, 12 + batchLength. */
  readonly size: number;
  readonly magic: number;
  readonly crc: number;
  readonly attributes: number;
  readonly lastOffsetDelta: number;
  readonly firstTimestamp: number;
  readonly maxTimestamp: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordCount: number;
}

/** Compression codec in attribute bits 0–2. */
export const Compression = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export const TRANSACTIONAL_BIT = 0x10;
export const CONTROL_BIT = 0x20;

/** Reads the header at `at`; the caller has checked that 61 bytes are there. */
export function readBatchHeader(buffer: Buffer, at: number): RecordBatchHeader {
  return {
    size: BATCH_LENGTH_PREFIX + buffer.readInt32BE(at + 8),
    magic: buffer.readInt8(at + 16),
    crc: buffer.readUInt32BE(at + 17),
    attributes: buffer.readInt16BE(at + 21),
    lastOffsetDelta: buffer.readInt32BE(at + 23),
    firstTimestamp: readInt64(buffer, at + 27),
    maxTimestamp: readInt64(buffer, at + 35),
    producerId: readInt64(buffer, at + 43),
    producerEpoch: buffer.readInt16BE(at + 51),
    baseSequence: buffer.readInt32BE(at + 53),
    recordCount: buffer.readInt32BE(at + 57),
  };
}

function readInt64(buffer: Buffer, at: number): number {
  return buffer.readInt32BE(at) * TWO_POW_32 + buffer.readUInt32BE(at + 4);
}

/** Overwrites the base offset (and zeroes the leader epoch); both sit outside the CRC. */
export function stampBaseOffset(batch: Buffer, baseOffset: number): void {
  const high = Math.floor(baseOffset / TWO_POW_32);
  batch.writeInt32BE(high, 0);
  batch.writeUInt32BE(baseOffset - high * TWO_POW_32, 4);
  batch.writeInt32BE(0, 12);
}
