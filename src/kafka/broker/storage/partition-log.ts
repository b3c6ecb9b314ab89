/**
 * One partition: an in-memory list of record batches, stored exactly as produced (only the base
 * offset is stamped in). Retention drops whole batches from the front, by bytes (the newest batch
 * always stays, like Kafka's active segment) and by age since append, and moves the log start
 * offset forward. Appends wake the fetches waiting on this partition.
 */
import { ProducerSequences } from './producer-sequences.ts';
import { type RecordBatchHeader, stampBaseOffset } from './record-batch-header.ts';

export interface Retention {
  readonly bytes: number;
  readonly ms: number;
}

export interface StoredBatch {
  readonly baseOffset: number;
  /** baseOffset + lastOffsetDelta + 1: the offset after this batch. */
  readonly nextOffset: number;
  readonly buffer: Buffer;
  readonly firstTimestamp: number;
  readonly maxTimestamp: number;
  readonly appendedAt: number;
}

/** What a fetch takes from one partition: whole batches and their total size. */
export interface ReadResult {
  readonly batches: Buffer[];
  readonly bytes: number;
}

const EMPTY_READ: ReadResult = Object.freeze({ batches: [], bytes: 0 });

export class PartitionLog {
  private batches: StoredBatch[] = [];
  /** Index of the oldest live batch; dropped ones are spliced out in bulk, not shifted one by one. */
  private head = 0;
  private storedBytes = 0;
  logStartOffset = 0;
  highWatermark = 0;
  readonly producers = new ProducerSequences();
  /** Callbacks of fetches parked on this partition; called on every append. */
  readonly watchers = new Set<() => void>();

  constructor(private retention: Retention) {}

  get bytes(): number {
    return this.storedBytes;
  }

  /** Appends `buffer` (one validated batch) and returns its base offset. */
  append(buffer: Buffer, header: RecordBatchHeader, now: number): number {
    const baseOffset = this.highWatermark;
    // A small batch that is a view into a large socket chunk would pin the whole chunk; copy it so
    // the retention limit bounds real memory. Large batches came in their own frame buffer.
    const owned = buffer.byteLength * 2 < buffer.buffer.byteLength ? Buffer.from(buffer) : buffer;
    stampBaseOffset(owned, baseOffset);
    const nextOffset = baseOffset + header.lastOffsetDelta + 1;
    this.batches.push({
      baseOffset,
      nextOffset,
      buffer: owned,
      firstTimestamp: header.firstTimestamp,
      maxTimestamp: header.maxTimestamp,
      appendedAt: now,
    });
    this.storedBytes += owned.length;
    this.highWatermark = nextOffset;
    this.enforceRetention(now);
    for (const wake of this.watchers) wake();
    return baseOffset;
  }

  /**
   * Whole batches from the one holding `fetchOffset` on. The first is taken if it is at most
   * `firstLimit` bytes (Fetch passes Infinity for the first partition with data: KIP-74 says the
   * first batch goes out whole even when larger than the limits); further batches only while the
   * total stays within `maxBytes`. A batch is never cut: kafkajs would re-fetch it forever.
   */
  read(fetchOffset: number, maxBytes: number, firstLimit: number): ReadResult {
    let index = this.indexOf(fetchOffset);
    if (index < 0) return EMPTY_READ;
    const first = (this.batches[index] as StoredBatch).buffer;
    if (first.length > firstLimit) return EMPTY_READ;
    const batches: Buffer[] = [first];
    let bytes = first.length;
    for (index++; index < this.batches.length; index++) {
      const buffer = (this.batches[index] as StoredBatch).buffer;
      if (bytes + buffer.length > maxBytes) break;
      batches.push(buffer);
      bytes += buffer.length;
    }
    return { batches, bytes };
  }

  /** The first batch whose newest record is at or after `timestamp` (batch-granular, see README). */
  findByTimestamp(timestamp: number): StoredBatch | undefined {
    for (let i = this.head; i < this.batches.length; i++) {
      const batch = this.batches[i] as StoredBatch;
      if (batch.maxTimestamp >= timestamp) return batch;
    }
    return undefined;
  }

  /** Live batches, oldest first (for the test peek helper). */
  storedBatches(): readonly StoredBatch[] {
    return this.batches.slice(this.head);
  }

  setRetention(retention: Retention, now: number): void {
    this.retention = retention;
    this.enforceRetention(now);
  }

  /** Drops batches over the byte budget or past their age; advances the log start offset. */
  enforceRetention(now: number): void {
    const oldest = now - this.retention.ms;
    while (this.head < this.batches.length) {
      const batch = this.batches[this.head] as StoredBatch;
      const overBudget = this.storedBytes > this.retention.bytes && this.head < this.batches.length - 1;
      if (!overBudget && batch.appendedAt >= oldest) break;
      this.storedBytes -= batch.buffer.length;
      this.head++;
      this.logStartOffset = batch.nextOffset;
    }
    if (this.head > 64 && this.head * 2 > this.batches.length) {
      this.batches = this.batches.slice(this.head);
      this.head = 0;
    }
  }

  /** Index of the first live batch ending after `offset`, or -1 (binary search). */
  private indexOf(offset: number): number {
    let low = this.head;
    let high = this.batches.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.batches[mid] as StoredBatch).nextOffset > offset) high = mid;
      else low = mid + 1;
    }
    return low < this.batches.length ? low : -1;
  }
}
