import fc from 'fast-check';
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { FastKeyPartitioner, partitionForKey } from './key-partition.ts';

const partitioner = Partitioners.DefaultPartitioner();
const metadata = (count: number) =>
  Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
    partitionErrorCode: 0,
  }));

/** kafkajs' own choice for `key` among `count` partitions, all with a leader. */
function kafkajsPartition(key: string | Buffer, count: number): number {
  return partitioner({ topic: 't', partitionMetadata: metadata(count), message: { key, value: '' } });
}

describe('partitionForKey', () => {
  it('picks the partition kafkajs picks for every id of a 100,000-sensor fleet', () => {
    const partitionMetadata = metadata(12);
    const mismatches: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const key = `sensor_${String(i).padStart(5, '0')}`;
      const theirs = partitioner({ topic: 't', partitionMetadata, message: { key, value: '' } });
      if (partitionForKey(key, 12) !== theirs) mismatches.push(key);
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with kafkajs on arbitrary string and byte keys, every tail length, any partition count', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.integer({ min: 1, max: 1000 }),
        (key, n) => {
          expect(partitionForKey(key, n)).toBe(kafkajsPartition(key, n));
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), (bytes, n) => {
        const key = Buffer.from(bytes);
        expect(partitionForKey(key, n)).toBe(kafkajsPartition(key, n));
      }),
      { numRuns: 500 },
    );
  });

  it('as a kafkajs partitioner: explicit partitions as given, keys as kafkajs, no key round-robin over leaders', () => {
    const fast = FastKeyPartitioner();
    const partitionMetadata = metadata(6);
    const pick = (message: { key?: string | Buffer | null; partition?: number }) =>
      fast({ topic: 't', partitionMetadata, message: { value: '', ...message } });
    expect(pick({ key: 'sensor_00042', partition: 5 })).toBe(5);
    for (let i = 0; i < 500; i++) {
      const key = `sensor_${i}`;
      expect(pick({ key })).toBe(kafkajsPartition(key, 6));
      expect(pick({ key: Buffer.from(key) })).toBe(kafkajsPartition(key, 6));
    }
    const leaderless = partitionMetadata.map((p) => (p.partitionId % 2 === 0 ? { ...p, leader: -1 } : p));
    const spread = Array.from({ length: 30 }, () =>
      fast({ topic: 't', partitionMetadata: leaderless, message: { key: null, value: '' } }),
    );
    expect(new Set(spread)).toEqual(new Set([1, 3, 5]));
  });
});
