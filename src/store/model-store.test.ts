import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis.ts';
import { createKeys } from './keys.ts';
import { createModelStore } from './model-store.ts';

describe('model store (real Redis)', () => {
  let t: TestRedis;
  beforeEach(async () => {
    t = await createTestRedis();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('numbers versions per type, returns only newer ones, and keeps the newest few', async () => {
    const keys = createKeys(t.prefix);
    const store = createModelStore(t.redis, keys, { keepVersions: 2 });
    expect(await store.loadNewer('pump', 0)).toBeNull();
    expect(await store.save('pump', 'one')).toBe(1);
    expect(await store.save('pump', 'two')).toBe(2);
    expect(await store.save('motor', 'm1')).toBe(1);
    expect(await store.save('pump', 'three')).toBe(3);
    expect(await store.loadNewer('pump', 0)).toEqual({ version: 3, payload: 'three' });
    expect(await store.loadNewer('pump', 3)).toBeNull();
    expect(await store.load('pump', 2)).toEqual({ version: 2, payload: 'two' });
    expect(await store.load('pump', 1)).toBeNull();
    expect(await t.redis.hkeys(keys.model('pump'))).toEqual(
      expect.arrayContaining(['version', 'v:2', 'v:3']),
    );
    expect(await t.redis.hlen(keys.model('pump'))).toBe(3);
  });

  it('gives the training lease to one owner at a time until it expires', async () => {
    const store = createModelStore(t.redis, createKeys(t.prefix));
    expect(await store.claimTraining('pump', 'a', 60_000)).toBe(true);
    expect(await store.claimTraining('pump', 'b', 60_000)).toBe(false);
    expect(await store.claimTraining('pump', 'a', 60_000)).toBe(true);
    expect(await store.claimTraining('motor', 'b', 60_000)).toBe(true);
    expect(await store.claimTraining('conveyor', 'a', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.claimTraining('conveyor', 'b', 60_000)).toBe(true);
  });
});
