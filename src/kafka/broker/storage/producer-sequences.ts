/**
 * Idempotent-producer state of one partition: per producer id, its epoch, the next expected
 * sequence and the last five batches (Kafka keeps five, matching the client's in-flight limit).
 * A batch whose sequences match one of those five is a retry of something already appended: it is
 * answered with the original base offset and not appended again.
 */
import { ErrorCode } from '../protocol/error-code.ts';
import type { RecordBatchHeader } from './record-batch-header.ts';

const REMEMBERED_BATCHES = 5;
const SEQUENCE_MODULUS = 2 ** 31;

interface RecentBatch {
  readonly firstSequence: number;
  readonly lastSequence: number;
  readonly baseOffset: number;
}

interface ProducerState {
  epoch: number;
  nextSequence: number;
  readonly recent: RecentBatch[];
}

export type SequenceCheck =
  | { readonly kind: 'append' }
  | { readonly kind: 'duplicate'; readonly baseOffset: number }
  | { readonly kind: 'error'; readonly error: ErrorCode; readonly reason: string };

const APPEND: SequenceCheck = Object.freeze({ kind: 'append' });

export class ProducerSequences {
  private readonly producers = new Map<number, ProducerState>();

  /** What to do with `batch`; non-idempotent batches (producer id -1) always append. */
  check(batch: RecordBatchHeader): SequenceCheck {
    if (batch.producerId < 0) return APPEND;
    const state = this.producers.get(batch.producerId);
    if (state === undefined || batch.producerEpoch > state.epoch) {
      return batch.baseSequence === 0 ? APPEND : outOfOrder(0, batch.baseSequence);
    }
    if (batch.producerEpoch < state.epoch) {
      return { kind: 'error', error: ErrorCode.INVALID_PRODUCER_EPOCH, reason: 'fenced producer epoch' };
    }
    const last = lastSequence(batch);
    const seen = state.recent.find((r) => r.firstSequence === batch.baseSequence && r.lastSequence === last);
    if (seen) return { kind: 'duplicate', baseOffset: seen.baseOffset };
    if (batch.baseSequence !== state.nextSequence) return outOfOrder(state.nextSequence, batch.baseSequence);
    return APPEND;
  }

  /** Records an appended batch; call only after `check` said append. */
  appended(batch: RecordBatchHeader, baseOffset: number): void {
    if (batch.producerId < 0) return;
    let state = this.producers.get(batch.producerId);
    if (state === undefined || batch.producerEpoch !== state.epoch) {
      state = { epoch: batch.producerEpoch, nextSequence: 0, recent: [] };
      this.producers.set(batch.producerId, state);
    }
    const last = lastSequence(batch);
    state.nextSequence = (last + 1) % SEQUENCE_MODULUS;
    state.recent.push({ firstSequence: batch.baseSequence, lastSequence: last, baseOffset });
    if (state.recent.length > REMEMBERED_BATCHES) state.recent.shift();
  }
}

function lastSequence(batch: RecordBatchHeader): number {
  return (batch.baseSequence + batch.lastOffsetDelta) % SEQUENCE_MODULUS;
}

function outOfOrder(expected: number, got: number): SequenceCheck {
  return {
    kind: 'error',
    error: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    reason: `expected sequence ${expected}, got ${got}`,
  };
}
