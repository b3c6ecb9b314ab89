/**
 * Splits the `records` field of a produce request into record batches and checks each one the way
 * Kafka does before appending: complete, within `message.max.bytes`, magic 2, CRC-32C intact, and
 * not transactional (this broker has no transaction coordinator). Any failure rejects the whole
 * partition's data, so a request is never half-applied.
 */
import { crc32c } from '../protocol/crc32c.ts';
import { ErrorCode } from '../protocol/error-code.ts';
import {
  BATCH_HEADER_SIZE,
  CONTROL_BIT,
  CRC_START,
  type RecordBatchHeader,
  readBatchHeader,
  TRANSACTIONAL_BIT,
} from './record-batch-header.ts';

export interface IncomingBatch {
  readonly header: RecordBatchHeader;
  /** A view into the request frame; the log stamps the base offset into it. */
  readonly buffer: Buffer;
}

export type ValidatedBatches =
  | { readonly ok: true; readonly batches: IncomingBatch[] }
  | { readonly ok: false; readonly error: ErrorCode; readonly reason: string };

export function validateBatches(records: Buffer, maxMessageBytes: number): ValidatedBatches {
  const batches: IncomingBatch[] = [];
  let at = 0;
  if (records.length === 0) return reject(ErrorCode.CORRUPT_MESSAGE, 'no record batch');
  while (at < records.length) {
    if (records.length - at < BATCH_HEADER_SIZE) return reject(ErrorCode.CORRUPT_MESSAGE, 'truncated header');
    const header = readBatchHeader(records, at);
    if (header.size < BATCH_HEADER_SIZE || at + header.size > records.length) {
      return reject(ErrorCode.CORRUPT_MESSAGE, `batch length ${header.size} does not fit`);
    }
    if (header.size > maxMessageBytes) {
      return reject(ErrorCode.MESSAGE_TOO_LARGE, `batch of ${header.size} bytes > ${maxMessageBytes}`);
    }
    if (header.magic !== 2) return reject(ErrorCode.CORRUPT_MESSAGE, `magic ${header.magic}, expected 2`);
    if (crc32c(records, at + CRC_START, at + header.size) !== header.crc) {
      return reject(ErrorCode.CORRUPT_MESSAGE, 'CRC-32C mismatch');
    }
    if (header.lastOffsetDelta < 0 || header.recordCount < 0) {
      return reject(ErrorCode.CORRUPT_MESSAGE, 'negative offset delta or record count');
    }
    if (header.attributes & (TRANSACTIONAL_BIT | CONTROL_BIT)) {
      return reject(ErrorCode.INVALID_TXN_STATE, 'transactional batches are not supported');
    }
    batches.push({ header, buffer: records.subarray(at, at + header.size) });
    at += header.size;
  }
  return { ok: true, batches };
}

function reject(error: ErrorCode, reason: string): ValidatedBatches {
  return { ok: false, error, reason };
}
