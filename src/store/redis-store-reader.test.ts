import { runStoreReaderContract } from '../../test/support/store-reader-contract.ts';
import { createTestStore } from '../../test/support/test-store.ts';
import { createChunkQualityCounter } from '../processor/quality-counter.ts';
import { createFleetHistoryWriter } from './fleet-history-writer.ts';
import { createHeartbeatStore } from './heartbeat-store.ts';
import { createOfflineSweeper } from './offline-sweeper.ts';
import { createRedisStoreReader } from './redis-store-reader.ts';

runStoreReaderContract('the Redis store reader', async () => {
  const s = await createTestStore();
  const writer = s.writer({ quality: createChunkQualityCounter() });
  const heartbeats = createHeartbeatStore(s.redis, s.options);
  const sweeper = createOfflineSweeper(s.redis, {
    store: s.options,
    fleetHistory: createFleetHistoryWriter(s.redis, s.options),
    owner: 'test',
    leaseMs: 60_000,
    now: s.clock.now,
  });
  return {
    reader: createRedisStoreReader(s.redis, s.options, s.clock.now),
    clock: s.clock,
    write: (items) => writer.write(items),
    sweep: async () => {
      await sweeper.sweep();
    },
    heartbeat: async (heartbeat) => {
      await heartbeats.put(heartbeat, s.clock.now());
    },
    expireProducer: async (id) => {
      await s.redis.del(s.options.keys.producer(id));
    },
    cleanup: s.cleanup,
  };
});
