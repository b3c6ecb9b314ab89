import { text, url } from './parsers.ts';
import { defineSetting } from './setting.ts';

/** How to reach Redis and which key prefix this deployment owns. */
export const REDIS_SETTINGS = {
  redisUrl: defineSetting({
    env: 'REDIS_URL',
    flag: 'redis-url',
    describe: 'Redis URL; a password goes in it as redis://:secret@host:6379',
    default: 'redis://127.0.0.1:6379',
    secret: true, // may carry a password
    ...url(['redis:', 'rediss:']),
  }),
  keyPrefix: defineSetting({
    env: 'REDIS_KEY_PREFIX',
    flag: 'key-prefix',
    describe: 'prefix of every Redis key and channel this deployment writes',
    default: 'ww:',
    ...text({ pattern: /^[A-Za-z0-9_.:-]{1,64}$/, what: 'letters, digits, _ . : - (up to 64)' }),
  }),
} as const;
