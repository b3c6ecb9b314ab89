/**
 * Producer heartbeats: `ww:producer:{id}` holds the latest one (TTL of three heartbeat intervals, so
 * a silent producer disappears), and `ww:producers` scores every producer by when it was last heard,
 * so the API can list producers that stopped as disconnected instead of forgetting them.
 */
import type { Redis } from 'ioredis';
import type { Heartbeat } from '../domain/heartbeat.ts';
import { repliesOf } from './pipeline-replies.ts';
import type { StoreOptions } from './store-options.ts';
import { registerStoreScripts } from './store-scripts.ts';

export interface HeartbeatStore {
  /** Stores `heartbeat` unless a newer one is there; resolves true when stored. One round trip. */
  put(heartbeat: Heartbeat, receivedAt: Date): Promise<boolean>;
}

/** A heartbeat store on `redis`. */
export function createHeartbeatStore(redis: Redis, store: StoreOptions): HeartbeatStore {
  registerStoreScripts(redis);
  const { keys } = store;
  return {
    async put(heartbeat, receivedAt) {
      // ISO strings compare as instants only in one format: normalise to milliseconds
      const ts = new Date(heartbeat.ts).toISOString();
      const results = await redis
        .pipeline()
        .wwPutHeartbeat(
          keys.producer(heartbeat.producer_id),
          ts,
          store.heartbeatTtlMs,
          'producer_id',
          heartbeat.producer_id,
          'host',
          heartbeat.host,
          'ts',
          ts,
          'sensors',
          heartbeat.sensors,
          'rate_hz',
          heartbeat.rate_hz,
          'sent_total',
          heartbeat.sent_total,
          'received_at',
          receivedAt.toISOString(),
        )
        .zadd(keys.producers, 'GT', receivedAt.getTime(), heartbeat.producer_id)
        .exec();
      return repliesOf(results, 'heartbeat')[0] === 1;
    },
  };
}
