/**
 * Gives integration tests a real, private Redis: REDIS_URL when set (tests then touch only keys
 * under their own random prefix and delete them), otherwise a redis-server started here on a free
 * port with no persistence, stopped after the run.
 */
import type { TestProject } from 'vitest/node';
import { type EmbeddedRedis, startEmbeddedRedis } from '../src/store/embedded-redis.ts';

let redis: EmbeddedRedis | undefined;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.REDIS_URL;
  if (external) {
    project.provide('redisUrl', external);
    return;
  }
  redis = await startEmbeddedRedis();
  project.provide('redisUrl', redis.url);
}

export async function teardown(): Promise<void> {
  await redis?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
