import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/error-code.ts';
import { ProducerSequences } from './producer-sequences.ts';
import type { RecordBatchHeader } from './record-batch-header.ts';

function batch(
  producerId: number,
  baseSequence: number,
  records: number,
  producerEpoch = 0,
): RecordBatchHeader {
  return {
    size: 100,
    magic: 2,
    crc: 0,
    attributes: 0,
    lastOffsetDelta: records - 1,
    firstTimestamp: 0,
    maxTimestamp: 0,
    producerId,
    producerEpoch,
    baseSequence,
    recordCount: records,
  };
}

function append(state: ProducerSequences, header: RecordBatchHeader, offset: number) {
  const check = state.check(header);
  if (check.kind === 'append') state.appended(header, offset);
  return check;
}

describe('ProducerSequences', () => {
  it('always appends batches of non-idempotent producers, whatever their sequence', () => {
    const state = new ProducerSequences();
    expect(append(state, batch(-1, 0, 3), 0).kind).toBe('append');
    expect(append(state, batch(-1, 0, 3), 3).kind).toBe('append');
  });

  it('accepts consecutive sequences and answers a retried batch with its original offset', () => {
    const state = new ProducerSequences();
    expect(append(state, batch(7, 0, 10), 0).kind).toBe('append');
    expect(append(state, batch(7, 10, 5), 10).kind).toBe('append');
    expect(state.check(batch(7, 0, 10))).toEqual({ kind: 'duplicate', baseOffset: 0 });
    expect(state.check(batch(7, 10, 5))).toEqual({ kind: 'duplicate', baseOffset: 10 });
    expect(append(state, batch(7, 15, 1), 15).kind).toBe('append');
  });

  it('refuses gaps and a first batch that does not start at 0 with OUT_OF_ORDER_SEQUENCE_NUMBER', () => {
    const state = new ProducerSequences();
    expect(state.check(batch(7, 3, 1))).toMatchObject({
      kind: 'error',
      error: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    });
    append(state, batch(7, 0, 2), 0);
    expect(state.check(batch(7, 5, 1))).toMatchObject({ error: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER });
  });

  it('remembers only the last five batches for duplicates', () => {
    const state = new ProducerSequences();
    for (let i = 0; i < 6; i++) append(state, batch(7, i, 1), i);
    expect(state.check(batch(7, 0, 1)).kind).toBe('error');
    expect(state.check(batch(7, 1, 1))).toEqual({ kind: 'duplicate', baseOffset: 1 });
  });

  it('restarts at sequence 0 with a new epoch and fences the old one', () => {
    const state = new ProducerSequences();
    append(state, batch(7, 0, 4), 0);
    expect(append(state, batch(7, 0, 1, 1), 4).kind).toBe('append');
    expect(state.check(batch(7, 4, 1, 0))).toMatchObject({ error: ErrorCode.INVALID_PRODUCER_EPOCH });
  });

  it('wraps the sequence to 0 after 2^31 - 1, as Kafka does', () => {
    const state = new ProducerSequences();
    expect(append(state, batch(7, 0, 2 ** 31 - 1), 0).kind).toBe('append');
    // Sequences 2^31 - 1 and 0: the batch straddles the wrap.
    expect(append(state, batch(7, 2 ** 31 - 1, 2), 2 ** 31).kind).toBe('append');
    expect(state.check(batch(7, 1, 1)).kind).toBe('append');
    expect(state.check(batch(7, 2 ** 31, 1)).kind).toBe('error');
  });
});
