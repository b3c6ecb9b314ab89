import type { Redis } from 'ioredis';
import {
  type ChunkWriter,
  type ChunkWriterOptions,
  createChunkWriter,
} from '../../src/store/chunk-writer.ts';
import { createFleetHistoryWriter } from '../../src/store/fleet-history-writer.ts';
import { type StoreOptions, storeOptions } from '../../src/store/store-options.ts';
import { T0 } from './sample-readings.ts';
import { createTestRedis, type TestRedis } from './test-redis.ts';

/** A manual clock: tests move time explicitly, nothing depends on the wall clock. */
export interface TestClock {
  now(): Date;
  set(ms: number): void;
  advance(ms: number): void;
  ms(): number;
}

export function createTestClock(start = T0 + 60_000): TestClock {
  let current = start;
  return {
    now: () => new Date(current),
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
    ms: () => current,
  };
}

export interface TestStore extends TestRedis {
  readonly options: StoreOptions;
  readonly clock: TestClock;
  /** A writer on the shared connection (or on `redis` when given, e.g. a second processor's). */
  writer(overrides?: Partial<ChunkWriterOptions>, redis?: Redis): ChunkWriter;
}

/** A private key prefix on the run's Redis, store options for it, and a clock. */
export async function createTestStore(overrides: Partial<StoreOptions> = {}): Promise<TestStore> {
  const base = await createTestRedis();
  const options = storeOptions({ prefix: base.prefix, ...overrides });
  const clock = createTestClock();
  return {
    ...base,
    options,
    clock,
    writer: (writerOverrides = {}, redis = base.redis) =>
      createChunkWriter(redis, {
        store: options,
        fleetHistory: createFleetHistoryWriter(redis, options),
        now: clock.now,
        ...writerOverrides,
      }),
  };
}
