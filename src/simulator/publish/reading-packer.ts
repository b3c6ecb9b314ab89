/**
 * Generated readings → kafkajs messages, with as little work per message as the client allows
 * (kafkajs itself spends about 10 µs encoding each record; everything here is on top of that):
 * - the value is JSON written straight into reusable byte chunks (reading-bytes.ts); kafkajs
 *   copies a Buffer value faster than it measures and encodes a string;
 * - the key is the sensor's id as a Buffer, made once per sensor;
 * - the partition is computed once per sensor with Kafka's murmur2 (the one kafkajs' default
 *   partitioner would pick) and sent explicitly, sparing kafkajs' per-message Long arithmetic.
 *
 * A batch's chunks go back to the pool only on release(), which the caller does once kafkajs
 * settled the send: kafkajs encodes lazily and re-encodes from the same messages on a retry.
 */
import type { Reading } from '../../domain/reading.ts';
import { MAX_READING_BYTES } from '../../domain/reading.ts';
import { partitionForKey } from '../../kafka/key-partition.ts';
import type { OutMessage } from './batch-sink.ts';
import { writeReadingJson } from './reading-bytes.ts';

export interface PackedBatch {
  readonly messages: OutMessage[];
  /** Returns the batch's buffers for reuse: only once its send has settled. */
  release(): void;
}

export interface ReadingPacker {
  /** The readings topic's partition count, once known; undefined lets kafkajs partition by key. */
  setPartitions(count: number | undefined): void;
  add(sensor: number, reading: Reading): void;
  /** Messages added since the last take(). */
  readonly size: number;
  take(): PackedBatch;
  /** Chunks allocated so far (the pool's high-water mark), for tests and memory budgets. */
  readonly chunksAllocated: number;
}

export interface ReadingPackerOptions {
  readonly chunkBytes: number;
  /** Free chunks kept for reuse; more are left to the garbage collector. */
  readonly poolChunks: number;
}

export const DEFAULT_READING_PACKER_OPTIONS: ReadingPackerOptions = Object.freeze({
  chunkBytes: 256 * 1024,
  poolChunks: 64,
});

export function createReadingPacker(
  ids: readonly string[],
  options: ReadingPackerOptions = DEFAULT_READING_PACKER_OPTIONS,
): ReadingPacker {
  const keys: (Buffer | undefined)[] = new Array(ids.length);
  let partitionOf: Int32Array | undefined;
  let partitions: number | undefined;
  const free: Buffer[] = [];
  let allocated = 0;
  let messages: OutMessage[] = [];
  let used: Buffer[] = [];
  let chunk: Buffer | undefined;
  let offset = 0;

  function nextChunk(): Buffer {
    const reused = free.pop();
    if (reused) return reused;
    allocated++;
    // Not from Node's shared pool: these live long and are reused, never sliced by others.
    return Buffer.allocUnsafeSlow(options.chunkBytes);
  }

  function partitionOfSensor(sensor: number, key: Buffer): number | undefined {
    if (!partitionOf || partitions === undefined) return undefined;
    let p = partitionOf[sensor] as number;
    if (p < 0) {
      p = partitionForKey(key, partitions);
      partitionOf[sensor] = p;
    }
    return p;
  }

  return {
    setPartitions(count) {
      if (count === partitions) return;
      partitions = count;
      partitionOf = count === undefined ? undefined : new Int32Array(ids.length).fill(-1);
    },
    add(sensor, reading) {
      if (!chunk || chunk.length - offset < MAX_READING_BYTES) {
        chunk = nextChunk();
        used.push(chunk);
        offset = 0;
      }
      const end = writeReadingJson(reading, chunk, offset);
      const value = chunk.subarray(offset, end);
      offset = end;
      let key = keys[sensor];
      if (!key) {
        key = Buffer.from(ids[sensor] as string, 'utf8');
        keys[sensor] = key;
      }
      const partition = partitionOfSensor(sensor, key);
      messages.push(partition === undefined ? { key, value } : { key, value, partition });
    },
    get size() {
      return messages.length;
    },
    take() {
      const batch = messages;
      const chunks = used;
      messages = [];
      used = [];
      chunk = undefined;
      let released = false;
      return {
        messages: batch,
        release() {
          if (released) return;
          released = true;
          for (const c of chunks) if (free.length < options.poolChunks) free.push(c);
        },
      };
    },
    get chunksAllocated() {
      return allocated;
    },
  };
}
