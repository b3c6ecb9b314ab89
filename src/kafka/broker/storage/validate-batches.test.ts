import { describe, expect, it } from 'vitest';
import { kafkajsBatch } from '../../../../test/support/record-batch.ts';
import { ErrorCode } from '../protocol/error-code.ts';
import { validateBatches } from './validate-batches.ts';

const MAX = 1_048_588;

describe('validateBatches', () => {
  it('accepts a kafkajs batch and reads its header', async () => {
    const batch = await kafkajsBatch({ records: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
    const result = validateBatches(batch, MAX);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.batches).toHaveLength(1);
    expect(result.batches[0]?.header).toMatchObject({
      magic: 2,
      lastOffsetDelta: 2,
      recordCount: 3,
      producerId: -1,
    });
    expect(result.batches[0]?.buffer.length).toBe(batch.length);
  });

  it('splits several batches in one records field', async () => {
    const one = await kafkajsBatch({ records: [{ value: 'a' }] });
    const two = await kafkajsBatch({ records: [{ value: 'b' }, { value: 'c' }] });
    const result = validateBatches(Buffer.concat([one, two]), MAX);
    expect(result.ok && result.batches.map((b) => b.header.recordCount)).toEqual([1, 2]);
  });

  it('rejects a flipped byte anywhere the CRC covers as CORRUPT_MESSAGE', async () => {
    const batch = await kafkajsBatch({ records: [{ key: 'k', value: 'some value' }] });
    for (const at of [21, 40, batch.length - 1]) {
      const broken = Buffer.from(batch);
      broken[at] = (broken[at] as number) ^ 0x01;
      expect(validateBatches(broken, MAX)).toMatchObject({ ok: false, error: ErrorCode.CORRUPT_MESSAGE });
    }
  });

  it('ignores the base offset and leader epoch, which the CRC does not cover', async () => {
    const batch = await kafkajsBatch({ records: [{ value: 'v' }] });
    batch.writeInt32BE(77, 4);
    batch.writeInt32BE(5, 12);
    expect(validateBatches(batch, MAX).ok).toBe(true);
  });

  it('rejects truncated batches, wrong magic, empty data and transactional batches', async () => {
    const batch = await kafkajsBatch({ records: [{ value: 'v' }] });
    expect(validateBatches(batch.subarray(0, batch.length - 1), MAX)).toMatchObject({
      error: ErrorCode.CORRUPT_MESSAGE,
    });
    expect(validateBatches(batch.subarray(0, 30), MAX)).toMatchObject({ error: ErrorCode.CORRUPT_MESSAGE });
    expect(validateBatches(Buffer.alloc(0), MAX)).toMatchObject({ error: ErrorCode.CORRUPT_MESSAGE });
    const magic1 = Buffer.from(batch);
    magic1.writeInt8(1, 16);
    expect(validateBatches(magic1, MAX)).toMatchObject({
      error: ErrorCode.CORRUPT_MESSAGE,
      reason: /magic 1/,
    });
    const transactional = await kafkajsBatch({
      records: [{ value: 'v' }],
      transactional: true,
      producerId: 5,
    });
    expect(validateBatches(transactional, MAX)).toMatchObject({ error: ErrorCode.INVALID_TXN_STATE });
  });

  it('rejects a batch over message.max.bytes with MESSAGE_TOO_LARGE, and accepts one at the limit', async () => {
    const batch = await kafkajsBatch({ records: [{ value: Buffer.alloc(2000, 1) }] });
    expect(validateBatches(batch, batch.length - 1)).toMatchObject({
      ok: false,
      error: ErrorCode.MESSAGE_TOO_LARGE,
    });
    expect(validateBatches(batch, batch.length).ok).toBe(true);
  });
});
