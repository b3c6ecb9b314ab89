import { describe, expect, it } from 'vitest';
import { kafkajsBatch } from '../../../../test/support/record-batch.ts';
import { decodeRecords } from '../testing/decode-records.ts';
import { PartitionLog } from './partition-log.ts';
import { readBatchHeader } from './record-batch-header.ts';

const KEEP_ALL = { bytes: Number.MAX_SAFE_INTEGER, ms: Number.MAX_SAFE_INTEGER };
const T0 = 1_763_791_200_000;

async function batchOf(count: number, valueBytes = 10, timestamp = T0): Promise<Buffer> {
  const records = Array.from({ length: count }, (_, i) => ({
    value: Buffer.alloc(valueBytes, i),
    timestamp: timestamp + i,
  }));
  return kafkajsBatch({ records });
}

function append(log: PartitionLog, batch: Buffer, now = T0): number {
  return log.append(batch, readBatchHeader(batch, 0), now);
}

describe('PartitionLog', () => {
  it('assigns consecutive offsets by lastOffsetDelta and stamps them into the batch', async () => {
    const log = new PartitionLog(KEEP_ALL);
    expect(append(log, await batchOf(3))).toBe(0);
    expect(append(log, await batchOf(2))).toBe(3);
    expect(log.highWatermark).toBe(5);
    const [, second] = log.storedBatches();
    expect(decodeRecords(second?.buffer as Buffer, 0).map((r) => r.offset)).toEqual([3, 4]);
  });

  it('reads whole batches from the one holding the offset, within maxBytes', async () => {
    const log = new PartitionLog(KEEP_ALL);
    const sizes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const batch = await batchOf(2);
      sizes.push(batch.length);
      append(log, batch);
    }
    const size = sizes[0] as number;
    expect(log.read(3, size * 2, Number.POSITIVE_INFINITY).batches).toHaveLength(2);
    expect(log.read(3, size * 2 - 1, Number.POSITIVE_INFINITY).batches).toHaveLength(1);
    const fromMiddle = log.read(3, 10 * size, Number.POSITIVE_INFINITY).batches;
    expect((fromMiddle[0] as Buffer).readInt32BE(4)).toBe(2);
    expect(log.read(8, 10 * size, Number.POSITIVE_INFINITY).batches).toEqual([]);
  });

  it('returns the first batch whole even above maxBytes, unless it must fit a smaller first limit', async () => {
    const log = new PartitionLog(KEEP_ALL);
    const big = await batchOf(1, 5000);
    append(log, big);
    expect(log.read(0, 100, Number.POSITIVE_INFINITY)).toEqual({ batches: [big], bytes: big.length });
    expect(log.read(0, 100, 100).batches).toEqual([]);
  });

  it('drops the oldest batches over the byte budget but always keeps the newest', async () => {
    const one = await batchOf(5, 100);
    const log = new PartitionLog({ bytes: one.length * 2, ms: Number.MAX_SAFE_INTEGER });
    for (let i = 0; i < 4; i++) append(log, Buffer.from(one));
    expect(log.logStartOffset).toBe(10);
    expect(log.highWatermark).toBe(20);
    expect(log.bytes).toBe(one.length * 2);
    const tiny = new PartitionLog({ bytes: 10, ms: Number.MAX_SAFE_INTEGER });
    append(tiny, Buffer.from(one));
    append(tiny, Buffer.from(one));
    expect(tiny.storedBatches()).toHaveLength(1);
    expect(tiny.logStartOffset).toBe(5);
  });

  it('drops batches older than the age limit, on append and on the housekeeping call', async () => {
    const log = new PartitionLog({ bytes: Number.MAX_SAFE_INTEGER, ms: 1000 });
    append(log, await batchOf(2), T0);
    append(log, await batchOf(2), T0 + 500);
    append(log, await batchOf(2), T0 + 1200);
    expect(log.logStartOffset).toBe(2);
    log.enforceRetention(T0 + 3000);
    expect(log.storedBatches()).toHaveLength(0);
    expect(log.logStartOffset).toBe(6);
    expect(log.highWatermark).toBe(6);
  });

  it('finds the first batch whose newest record is at or after a timestamp', async () => {
    const log = new PartitionLog(KEEP_ALL);
    append(log, await batchOf(3, 10, T0));
    append(log, await batchOf(3, 10, T0 + 100));
    expect(log.findByTimestamp(T0 + 1)).toMatchObject({ baseOffset: 0, firstTimestamp: T0 });
    expect(log.findByTimestamp(T0 + 50)).toMatchObject({ baseOffset: 3, firstTimestamp: T0 + 100 });
    expect(log.findByTimestamp(T0 + 500)).toBeUndefined();
  });

  it('wakes its watchers on every append', async () => {
    const log = new PartitionLog(KEEP_ALL);
    let woken = 0;
    log.watchers.add(() => woken++);
    append(log, await batchOf(1));
    append(log, await batchOf(1));
    expect(woken).toBe(2);
  });

  it('copies a small batch that is a view into a large buffer, so the buffer is not pinned', async () => {
    const batch = await batchOf(1);
    const chunk = Buffer.alloc(64 * 1024);
    batch.copy(chunk, 100);
    const view = chunk.subarray(100, 100 + batch.length);
    const log = new PartitionLog(KEEP_ALL);
    append(log, view);
    const stored = log.storedBatches()[0]?.buffer as Buffer;
    expect(stored.buffer).not.toBe(chunk.buffer);
    expect(stored.subarray(8)).toEqual(batch.subarray(8));
  });
});
