/**
 * Which Redis `wattwatch all` uses. REDIS_URL when set (it must answer); otherwise a private
 * redis-server on a free port, stopped on exit. The Redis on the default 127.0.0.1:6379 is never
 * used unasked: on a shared machine or beside another project it may hold someone else's data.
 */

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';
import { answersPing, startEmbeddedRedis } from '../../store/embedded-redis.ts';

export interface ChosenRedis {
  readonly url: string;
  /** True when this process started the server (and stops it). */
  readonly private: boolean;
  stop(): Promise<void>;
}

/** No usable Redis; the message says how to get one. */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

export interface ChooseRedisDeps {
  readonly binary?: string;
  /** PATH to search for the binary (tests pass an empty one). */
  readonly path?: string;
}

export async function chooseRedis(configuredUrl: string, deps: ChooseRedisDeps = {}): Promise<ChosenRedis> {
  if (configuredUrl !== '') {
    await mustAnswer(configuredUrl);
    return { url: configuredUrl, private: false, stop: async () => {} };
  }
  const binary = deps.binary ?? 'redis-server';
  if (!onPath(binary, deps.path ?? process.env.PATH ?? ''))
    throw new RedisUnavailableError(await noServerMessage(binary));
  const server = await startEmbeddedRedis({ binary, detached: true });
  return { url: server.url, private: true, stop: () => server.stop() };
}

async function mustAnswer(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {}); // the failed connect below reports it
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new RedisUnavailableError(
      `no Redis answers at REDIS_URL (${redact(url)}): ${(error as Error).message}.\n` +
        'Start that Redis, fix REDIS_URL, or unset it to let wattwatch all run a private redis-server.',
    );
  } finally {
    redis.disconnect();
  }
}

async function noServerMessage(binary: string): Promise<string> {
  const lines = [
    `${binary} is not installed, and REDIS_URL is not set. Either`,
    '  - install Redis so wattwatch can run a private one: sudo apt-get install redis-server (Debian, Ubuntu),',
    '    brew install redis (macOS); or',
    '  - point REDIS_URL at a Redis of your own, e.g. REDIS_URL=redis://127.0.0.1:6379 npm start.',
  ];
  if (await answersPing(6379))
    lines.push(
      'A Redis answers on 127.0.0.1:6379; if it is yours, the second way works (wattwatch writes only keys',
      'under REDIS_KEY_PREFIX, default ww:).',
    );
  return lines.join('\n');
}

function onPath(binary: string, path: string): boolean {
  const candidates = binary.includes('/')
    ? [binary]
    : path
        .split(delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => join(dir, binary));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'unparsable URL';
  }
}
