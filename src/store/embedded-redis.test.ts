import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRedis } from '../../test/support/test-redis.ts';
import { answersPing, type EmbeddedRedis, startEmbeddedRedis } from './embedded-redis.ts';

describe('startEmbeddedRedis', () => {
  let server: EmbeddedRedis | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('starts a private server on a free port and stops it', async () => {
    server = await startEmbeddedRedis();
    const client = new Redis(server.url);
    expect(await client.set('k', 'v')).toBe('OK');
    expect(await client.get('k')).toBe('v');
    client.disconnect();
    const port = server.port;
    await server.stop();
    server = undefined;
    expect(await answersPing(port)).toBe(false);
  });

  it('keeps data across a crash when the append-only file is on', async () => {
    server = await startEmbeddedRedis({ appendOnly: true });
    const client = new Redis(server.url, { maxRetriesPerRequest: null });
    await client.hset('h', 'a', '1');
    await server.restart({ crash: true });
    expect(await client.hget('h', 'a')).toBe('1');
    client.disconnect();
  });

  it('reports a binary that cannot run', async () => {
    await expect(startEmbeddedRedis({ binary: '/nonexistent/redis-server' })).rejects.toThrow(/cannot run/);
  });
});

describe('the test Redis harness', () => {
  it('gives a private Redis and removes only the keys under its prefix', async () => {
    const first = await createTestRedis();
    const second = await createTestRedis();
    expect(first.prefix).not.toBe(second.prefix);
    await first.redis.set(`${first.prefix}a`, '1');
    await second.redis.set(`${second.prefix}a`, '2');
    await first.cleanup();
    expect(await second.redis.get(`${second.prefix}a`)).toBe('2');
    expect(await second.redis.exists(`${first.prefix}a`)).toBe(0);
    await second.cleanup();
  });
});
