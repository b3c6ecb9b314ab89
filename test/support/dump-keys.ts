import type { Redis } from 'ioredis';

/**
 * Everything under `prefix` as plain data (prefix stripped from key names), for comparing two
 * stores exactly. Alert stream ids are generated from Redis' clock, so they are renamed to their
 * order (`alert#1`…) here and wherever the alert state mentions them; TTLs are left out.
 */
export async function dumpKeys(redis: Redis, prefix: string): Promise<Record<string, unknown>> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  const out: Record<string, unknown> = {};
  const alertIds = new Map<string, string>();
  for (const key of keys.sort()) {
    const name = key.split(prefix).join('');
    const type = await redis.type(key);
    if (type === 'hash') {
      const hash = await redis.hgetallBuffer(key);
      out[name] = Object.fromEntries(
        Object.entries(hash)
          .map(([f, v]) => [f, f.startsWith('_') ? v.toString('hex') : v.toString()] as const)
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    } else if (type === 'zset') out[name] = await redis.zrange(key, '0', '-1', 'WITHSCORES');
    else if (type === 'string') out[name] = (await redis.getBuffer(key))?.toString('hex');
    else if (type === 'stream') {
      const entries = await redis.xrange(key, '-', '+');
      const isAlerts = name === 'alerts';
      out[name] = entries.map(([id, fields]) => {
        if (!isAlerts) return [id, fields];
        const alias = `alert#${alertIds.size + 1}`;
        alertIds.set(id, alias);
        return [alias, fields];
      });
    } else out[name] = type;
  }
  return JSON.parse(
    [...alertIds].reduce((text, [id, alias]) => text.split(id).join(alias), JSON.stringify(out)),
  ) as Record<string, unknown>;
}
