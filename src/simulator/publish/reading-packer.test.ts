import { describe, expect, it } from 'vitest';
import type { Reading } from '../../domain/reading.ts';
import { partitionForKey } from '../../kafka/key-partition.ts';
import { createFleet } from '../fleet/create-fleet.ts';
import { createGenerator } from '../signals/create-generator.ts';
import { createReadingPacker } from './reading-packer.ts';

const START = Date.parse('2026-03-04T10:00:00Z');
const fleet = createFleet({ sensors: 50, seed: 3 });
const generator = createGenerator(fleet, { startMs: START });

function readings(step: number): [number, Reading][] {
  return fleet.ids.flatMap((_, i) => {
    const r = generator.sample(i, START + step * 1000 + i);
    return r ? [[i, r] as [number, Reading]] : [];
  });
}

describe('createReadingPacker', () => {
  it('packs readings as JSON bytes keyed by sensor id, with the partition kafkajs would pick', () => {
    const packer = createReadingPacker(fleet.ids);
    packer.setPartitions(12);
    const input = readings(0);
    for (const [i, r] of input) packer.add(i, r);
    expect(packer.size).toBe(input.length);
    const { messages } = packer.take();
    expect(packer.size).toBe(0);
    expect(messages.map((m) => m.key.toString())).toEqual(input.map(([, r]) => r.sensor_id));
    expect(messages.map((m) => m.value.toString())).toEqual(input.map(([, r]) => JSON.stringify(r)));
    expect(messages.map((m) => m.partition)).toEqual(input.map(([, r]) => partitionForKey(r.sensor_id, 12)));
  });

  it('leaves the partition to kafkajs until the partition count is known, and follows a change', () => {
    const packer = createReadingPacker(fleet.ids);
    packer.add(0, readings(1)[0]?.[1] as Reading);
    expect(packer.take().messages[0]).not.toHaveProperty('partition');
    packer.setPartitions(3);
    packer.add(7, readings(2)[7]?.[1] as Reading);
    packer.setPartitions(5);
    packer.add(7, readings(3)[7]?.[1] as Reading);
    const [before, after] = packer.take().messages;
    expect([before?.partition, after?.partition]).toEqual([
      partitionForKey(fleet.ids[7] as string, 3),
      partitionForKey(fleet.ids[7] as string, 5),
    ]);
  });

  it('reuses a batch’s buffers only after release, so unsettled sends keep their bytes', () => {
    const packer = createReadingPacker(fleet.ids, { chunkBytes: 8192, poolChunks: 8 });
    const pack = (step: number) => {
      for (const [i, r] of readings(step)) packer.add(i, r);
      return packer.take();
    };
    const first = pack(4);
    const firstText = first.messages.map((m) => m.value.toString());
    const second = pack(5);
    // Nothing released yet: the second batch wrote into new chunks, the first is intact.
    expect(first.messages.map((m) => m.value.toString())).toEqual(firstText);
    const allocated = packer.chunksAllocated;
    expect(allocated).toBeGreaterThan(2);
    first.release();
    second.release();
    for (let step = 6; step < 20; step++) pack(step).release();
    // Steady state: released chunks are reused, nothing new is allocated.
    expect(packer.chunksAllocated).toBe(allocated);
  });
});
