/** Producer status from `ww:producers` (last heard) and each producer's heartbeat hash. */
import type { Redis } from 'ioredis';
import { repliesOf } from './pipeline-replies.ts';
import type { StoreOptions } from './store-options.ts';
import type { ProducerStatus } from './store-reader.ts';

const MAX_PRODUCERS = 1000;

/** Producers heard from within the retention, most recent first; two round trips. */
export async function listProducers(redis: Redis, store: StoreOptions, now: Date): Promise<ProducerStatus[]> {
  const { keys } = store;
  const since = now.getTime() - store.producerRetentionMs;
  const ranked = await redis.zrevrangebyscore(
    keys.producers,
    '+inf',
    since,
    'WITHSCORES',
    'LIMIT',
    0,
    MAX_PRODUCERS,
  );
  const ids: [string, number][] = [];
  for (let i = 0; i + 1 < ranked.length; i += 2) ids.push([ranked[i] as string, Number(ranked[i + 1])]);
  if (ids.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const [id] of ids) pipeline.hgetall(keys.producer(id));
  const hashes = repliesOf(await pipeline.exec(), 'producers') as Record<string, string>[];
  return ids.map(([producer_id, lastSeen], i) => {
    const h = hashes[i] ?? {};
    const base = { producer_id, connected: false, last_seen: new Date(lastSeen).toISOString() };
    if (!h.producer_id) return base;
    return {
      ...base,
      connected: true,
      host: h.host ?? '',
      ts: h.ts ?? '',
      sensors: Number(h.sensors ?? 0),
      rate_hz: Number(h.rate_hz ?? 0),
      sent_total: Number(h.sent_total ?? 0),
    };
  });
}
