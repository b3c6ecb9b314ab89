import { describe, expect, it } from 'vitest';
import { createCached } from './cached.ts';

/** A read whose answers the test releases one by one. */
function controlledRead() {
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  let calls = 0;
  const read = () => {
    calls++;
    return new Promise<number>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return {
    read,
    get calls() {
      return calls;
    },
    answer: (value: number) => pending.shift()?.resolve(value),
    fail: () => pending.shift()?.reject(new Error('store down')),
  };
}

/** A cache over a controlled read that already holds 1, read at time 0; `clock.now` moves time. */
async function primed(options: { ttlMs: number; maxStaleMs: number }) {
  const clock = { now: 0 };
  const source = controlledRead();
  const cached = createCached(source.read, options, () => clock.now);
  const first = cached.get();
  source.answer(1);
  await first;
  return { clock, source, cached };
}

describe('createCached', () => {
  it('shares one read among concurrent callers and serves it until the ttl', async () => {
    let clock = 0;
    const source = controlledRead();
    const cached = createCached(source.read, { ttlMs: 100, maxStaleMs: 100 }, () => clock);
    const both = Promise.all([cached.get(), cached.get()]);
    source.answer(1);
    expect(await both).toEqual([1, 1]);
    clock = 99;
    expect(await cached.get()).toBe(1);
    expect(source.calls).toBe(1);
  });

  it('without stale serving, callers wait for the fresh read after the ttl', async () => {
    const { clock, source, cached } = await primed({ ttlMs: 100, maxStaleMs: 0 });
    clock.now = 100;
    const second = cached.get();
    source.answer(2);
    expect(await second).toBe(2);
  });

  it('answers a stale value at once while one refresh runs behind it', async () => {
    const { clock, source, cached } = await primed({ ttlMs: 100, maxStaleMs: 1000 });
    clock.now = 150;
    // the refresh has not answered: both callers get the old value without waiting for it
    expect(await cached.get()).toBe(1);
    expect(await cached.get()).toBe(1);
    expect(source.calls).toBe(2);
    source.answer(2);
    await new Promise((r) => setImmediate(r));
    expect(await cached.get()).toBe(2);
    expect(source.calls).toBe(2);
  });

  it('keeps the old value through a failed refresh, and lets the error through once it is too old', async () => {
    const { clock, source, cached } = await primed({ ttlMs: 100, maxStaleMs: 1000 });
    clock.now = 500;
    expect(await cached.get()).toBe(1);
    source.fail();
    await new Promise((r) => setImmediate(r));
    clock.now = 1000;
    const late = cached.get();
    source.fail();
    await expect(late).rejects.toThrow('store down');
    // a failure is not cached: the next call reads again
    const again = cached.get();
    source.answer(3);
    expect(await again).toBe(3);
  });
});
