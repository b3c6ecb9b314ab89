/**
 * Pre-encoded readings of a synthetic fleet for store benchmarks: `rounds` readings per sensor, laid
 * out per Kafka partition in offset order in one Buffer, so a million messages cost their bytes and
 * two small index arrays. `createEncodedInput` feeds them as batches (message objects are built per
 * batch and dropped after it). Values are deterministic; about 1 % of readings carry warning-level
 * and 0.5 % critical-level vibration, so statuses, transitions and alerts are exercised.
 */
import { DEVICE_TYPES } from '../../src/domain/device-type.ts';
import { LOCATIONS } from '../../src/domain/location.ts';
import type { Reading } from '../../src/domain/reading.ts';
import { encodeReading } from '../../src/domain/reading-codec.ts';
import type { BatchHandler, BatchInput, RawMessage } from '../../src/processor/input.ts';

export interface FleetMessages {
  readonly count: number;
  readonly bytes: number;
  readonly partitions: number;
  /** Messages of partition p, in offset order: start offsets into `data`. */
  readonly starts: Uint32Array[];
  readonly ends: Uint32Array[];
  readonly data: Buffer;
}

/** Five seconds before a history bucket boundary, so every sensor closes one bucket mid-run. */
export const BENCH_T0 = Date.parse('2026-11-22T00:00:00.000Z') - 5_000;

/** `sensors × rounds` messages; round r of every sensor is `roundMs` after round r-1. */
export function fleetMessages(
  sensors: number,
  rounds: number,
  partitions: number,
  roundMs: number,
): FleetMessages {
  const perPartition = Math.ceil(sensors / partitions) * rounds;
  const starts = Array.from({ length: partitions }, () => new Uint32Array(perPartition));
  const ends = Array.from({ length: partitions }, () => new Uint32Array(perPartition));
  const filled = new Array<number>(partitions).fill(0);
  let data = Buffer.allocUnsafe(sensors * rounds * 340);
  let bytes = 0;
  for (let round = 0; round < rounds; round++) {
    for (let s = 0; s < sensors; s++) {
      const p = s % partitions;
      const json = encodeReading(benchReading(s, round, roundMs));
      if (bytes + json.length > data.length)
        data = Buffer.concat([data.subarray(0, bytes), Buffer.allocUnsafe(data.length)]);
      json.copy(data, bytes);
      const i = filled[p] as number;
      (starts[p] as Uint32Array)[i] = bytes;
      bytes += json.length;
      (ends[p] as Uint32Array)[i] = bytes;
      filled[p] = i + 1;
    }
  }
  return {
    count: sensors * rounds,
    bytes,
    partitions,
    starts: starts.map((a, p) => a.subarray(0, filled[p])),
    ends: ends.map((a, p) => a.subarray(0, filled[p])),
    data: data.subarray(0, bytes),
  };
}

/** Partitions fed like a consumer with `concurrency` partitions at a time, `batchSize` per batch. */
export function createEncodedInput(fleet: FleetMessages, batchSize: number, concurrency: number): BatchInput {
  return {
    async run(handler: BatchHandler) {
      const queue = Array.from({ length: fleet.partitions }, (_, p) => p);
      const lane = async () => {
        for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
          const starts = fleet.starts[p] as Uint32Array;
          const ends = fleet.ends[p] as Uint32Array;
          for (let from = 0; from < starts.length; from += batchSize) {
            const messages: RawMessage[] = [];
            for (let i = from; i < Math.min(starts.length, from + batchSize); i++) {
              messages.push({
                topic: 'sensor-data',
                partition: p,
                offset: String(i),
                key: null,
                value: fleet.data.subarray(starts[i], ends[i]),
              });
            }
            await handler({
              topic: 'sensor-data',
              partition: p,
              messages,
              ack: async () => {},
              isActive: () => true,
            });
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
    },
  };
}

/** The first `count` messages of partition 0.. as message objects (for the naive baseline). */
export function firstMessages(fleet: FleetMessages, count: number): RawMessage[] {
  const out: RawMessage[] = [];
  for (let p = 0; p < fleet.partitions && out.length < count; p++) {
    const starts = fleet.starts[p] as Uint32Array;
    const ends = fleet.ends[p] as Uint32Array;
    for (let i = 0; i < starts.length && out.length < count; i++) {
      out.push({
        topic: 'sensor-data',
        partition: p,
        offset: String(i),
        key: null,
        value: fleet.data.subarray(starts[i], ends[i]),
      });
    }
  }
  return out;
}

export function sensorId(index: number): string {
  return `sensor_${String(index).padStart(6, '0')}`;
}

/** Reading `round` of sensor `index`. */
export function benchReading(index: number, round: number, roundMs: number): Reading {
  const base = 5 + ((index * 7919) % 4500) / 100;
  const wobble = (((index + round * 31) * 2654435761) % 1000) / 1000 - 0.5;
  const current = base * (1 + wobble / 50);
  const voltage = 228 + wobble * 4;
  const powerFactor = 0.88 + ((index * 13) % 8) / 100;
  const powerKw = (current * voltage * powerFactor) / 1000;
  const draw = (index * 104729 + round * 7) % 1000;
  const vibration = draw < 5 ? 7.6 : draw < 15 ? 5.2 : 1.5 + wobble;
  return {
    sensor_id: sensorId(index),
    ts: new Date(BENCH_T0 + round * roundMs + (index % 1000)).toISOString(),
    seq: round + 1,
    device_type: DEVICE_TYPES[index % DEVICE_TYPES.length] ?? 'motor',
    location: LOCATIONS[(index * 3) % LOCATIONS.length] ?? 'floor_a',
    current: round2(current),
    voltage: Math.round(voltage * 10) / 10,
    power_factor: round2(powerFactor),
    power_kw: Math.round(powerKw * 1000) / 1000,
    energy_kwh: Math.round((10_000 + index + (powerKw * round * roundMs) / 3_600_000) * 1000) / 1000,
    temperature: Math.round((35 + (index % 200) / 10 + wobble) * 10) / 10,
    pressure: round2(4 + (index % 300) / 100 + wobble / 10),
    vibration: round2(vibration),
    producer_host: 'producer-01',
    injected: draw < 15 ? 'spike' : null,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
