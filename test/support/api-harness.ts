/**
 * An API over a private Redis prefix, filled through the real store writer, sweeper and heartbeat
 * store; routes are called with `app.request()` (no port). Responses can be checked against the
 * OpenAPI schemas the server publishes.
 */
import type { Hono } from 'hono';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { afterEach, expect } from 'vitest';
import { createApiMetrics } from '../../src/api/api-metrics.ts';
import { type ApiOptions, DEFAULT_API_OPTIONS } from '../../src/api/api-options.ts';
import { type ApiServices, createApiServices } from '../../src/api/api-services.ts';
import { createApp } from '../../src/api/create-app.ts';
import { SCHEMAS } from '../../src/api/openapi/document.ts';
import type { Heartbeat } from '../../src/domain/heartbeat.ts';
import { createChunkQualityCounter } from '../../src/processor/quality-counter.ts';
import type { ChunkWriter } from '../../src/store/chunk-writer.ts';
import { createFleetHistoryWriter } from '../../src/store/fleet-history-writer.ts';
import { createHeartbeatStore } from '../../src/store/heartbeat-store.ts';
import { createOfflineSweeper } from '../../src/store/offline-sweeper.ts';
import { createRedisStoreReader } from '../../src/store/redis-store-reader.ts';
import type { StoreOptions } from '../../src/store/store-options.ts';
import { createTestStore, type TestStore } from './test-store.ts';

export interface ApiHarness {
  readonly store: TestStore;
  readonly writer: ChunkWriter;
  readonly services: ApiServices;
  readonly app: Hono;
  /** GET (or another method) → status and parsed JSON body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields by name and assert them
  call(path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }>;
  heartbeat(heartbeat: Partial<Heartbeat> & { producer_id: string }): Promise<void>;
  sweep(): Promise<void>;
  cleanup(): Promise<void>;
}

/** Options for tests: no caches, no rate limit unless asked. */
export const TEST_API_OPTIONS: ApiOptions = {
  ...DEFAULT_API_OPTIONS,
  statsCacheMs: 0,
  statsMaxStaleMs: 0,
  optimizerRefreshMs: 0,
  optimizerMaxStaleMs: 0,
  rateLimit: 0,
};

export async function createApiHarness(
  options: Partial<ApiOptions> = {},
  storeOverrides: Partial<StoreOptions> = {},
): Promise<ApiHarness> {
  const store = await createTestStore(storeOverrides);
  const writer = store.writer({ quality: createChunkQualityCounter() });
  const reader = createRedisStoreReader(store.redis, store.options, store.clock.now);
  const services = createApiServices(
    { reader, store: store.options, ping: async () => void (await store.redis.ping()), now: store.clock.now },
    { ...TEST_API_OPTIONS, ...options },
    createApiMetrics(),
  );
  const app = createApp(services);
  const heartbeats = createHeartbeatStore(store.redis, store.options);
  const sweeper = createOfflineSweeper(store.redis, {
    store: store.options,
    fleetHistory: createFleetHistoryWriter(store.redis, store.options),
    owner: 'test',
    leaseMs: 60_000,
    now: store.clock.now,
  });
  return {
    store,
    writer,
    services,
    app,
    async call(path, init) {
      const response = await app.request(path, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: response.status, body, headers: response.headers };
    },
    async heartbeat(partial) {
      await heartbeats.put(
        {
          host: 'producer-host',
          ts: store.clock.now().toISOString(),
          sensors: 10,
          rate_hz: 10,
          sent_total: 100,
          ...partial,
        },
        store.clock.now(),
      );
    },
    async sweep() {
      await sweeper.sweep();
    },
    cleanup: store.cleanup,
  };
}

const compiled = new Map<string, ReturnType<typeof Compile>>();

/** Asserts `body` matches the published schema `name`. */
export function expectSchema(name: keyof typeof SCHEMAS, body: unknown): void {
  let validator = compiled.get(name);
  if (!validator) {
    validator = Compile(SCHEMAS[name] as TSchema);
    compiled.set(name, validator);
  }
  const errors = validator.Check(body) ? [] : [...validator.Errors(body)].slice(0, 3);
  expect(errors, `${name}: ${JSON.stringify(errors)}`).toEqual([]);
}

/**
 * For a test file: a `setup()` that creates harnesses with `createApiHarness`'s arguments and an
 * `afterEach` that cleans up every one a test created.
 */
export function apiHarnessPerTest(): (...args: Parameters<typeof createApiHarness>) => Promise<ApiHarness> {
  const harnesses: ApiHarness[] = [];
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((h) => h.cleanup()));
  });
  return async (...args) => {
    const h = await createApiHarness(...args);
    harnesses.push(h);
    return h;
  };
}
