/**
 * Decodes the records of one stored batch, for the test peek helper only (the broker itself never
 * looks inside a batch). Record v2 layout, after the 61-byte batch header:
 *
 *   length varint | attributes int8 | timestampDelta varlong | offsetDelta varint
 *   keyLength varint | key | valueLength varint | value | headerCount varint
 *   [headerKeyLength varint | headerKey | headerValueLength varint | headerValue]
 *
 * Varints are zigzag-encoded; a length of -1 means null. Compressed batches hold those records as
 * one stream after the header: gzip is inflated with zlib; other codecs are refused.
 */
import { gunzipSync } from 'node:zlib';
import { BATCH_HEADER_SIZE, Compression, readBatchHeader } from '../storage/record-batch-header.ts';

export interface PeekedRecord {
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, Buffer | null>>;
}

/** Records of `batch` (a stored batch with its base offset stamped in). */
export function decodeRecords(batch: Buffer, partition: number): PeekedRecord[] {
  const header = readBatchHeader(batch, 0);
  const baseOffset = batch.readInt32BE(0) * 4_294_967_296 + batch.readUInt32BE(4);
  const codec = header.attributes & 0x07;
  const body = batch.subarray(BATCH_HEADER_SIZE, header.size);
  let data: Buffer;
  if (codec === Compression.none) data = body;
  else if (codec === Compression.gzip) data = gunzipSync(body);
  else throw new Error(`peek cannot decode compression codec ${codec} (only none and gzip)`);
  const cursor = { data, at: 0 };
  const records: PeekedRecord[] = [];
  for (let i = 0; i < header.recordCount; i++) {
    readVarint(cursor); // record length
    cursor.at += 1; // attributes, unused
    const timestampDelta = readVarint(cursor);
    const offsetDelta = readVarint(cursor);
    const key = readChunk(cursor);
    const value = readChunk(cursor);
    const headers: Record<string, Buffer | null> = {};
    const headerCount = readVarint(cursor);
    for (let h = 0; h < headerCount; h++) headers[String(readChunk(cursor))] = readChunk(cursor);
    records.push({
      partition,
      offset: baseOffset + offsetDelta,
      timestamp: header.firstTimestamp + timestampDelta,
      key,
      value,
      headers,
    });
  }
  return records;
}

interface Cursor {
  readonly data: Buffer;
  at: number;
}

/** A zigzag varint up to 2^53, with arithmetic instead of 32-bit shifts so varlongs decode too. */
function readVarint(cursor: Cursor): number {
  let raw = 0;
  let scale = 1;
  for (;;) {
    const byte = cursor.data[cursor.at++];
    if (byte === undefined) throw new RangeError('record ends inside a varint');
    raw += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) break;
    scale *= 128;
  }
  return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
}

function readChunk(cursor: Cursor): Buffer | null {
  const length = readVarint(cursor);
  if (length < 0) return null;
  const chunk = cursor.data.subarray(cursor.at, cursor.at + length);
  cursor.at += length;
  return chunk;
}
