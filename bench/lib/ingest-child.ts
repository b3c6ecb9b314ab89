/**
 * A steady write load for bench/api.ts: the store's real chunk writer storing `BENCH_RATE` readings/s
 * (chunks of 500, round-robin over the fleet, each a new seq) into the bench's Redis, as the
 * processors would (without detection's CPU, which runs in their own processes).
 */
import { Redis } from 'ioredis';
import { createChunkWriter } from '../../src/store/chunk-writer.ts';
import { createFleetHistoryWriter } from '../../src/store/fleet-history-writer.ts';
import { DEFAULT_STORE_OPTIONS } from '../../src/store/store-options.ts';
import { apiBenchReading } from './api-fleet.ts';

const redis = new Redis(process.env.BENCH_REDIS_URL ?? '');
const sensors = Number(process.env.BENCH_SENSORS);
const rate = Number(process.env.BENCH_RATE);
const chunk = 500;
const writer = createChunkWriter(redis, {
  store: DEFAULT_STORE_OPTIONS,
  fleetHistory: createFleetHistoryWriter(redis, DEFAULT_STORE_OPTIONS),
});
let next = 0;
let written = 0;
let running = true;
const started = performance.now();
const loop = async () => {
  while (running) {
    const due = started + ((written + chunk) / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const items = Array.from({ length: chunk }, () => {
      const index = next % sensors;
      const round = 1 + Math.floor(next / sensors);
      next++;
      return apiBenchReading(index, round);
    });
    await writer.write(items);
    written += chunk;
  }
};
const done = loop();
process.on('message', async (m: { type: string }) => {
  if (m.type !== 'stop') return;
  running = false;
  await done;
  const seconds = (performance.now() - started) / 1000;
  process.send?.({ type: 'done', rate: written / seconds }, () => {
    redis.disconnect();
    process.disconnect();
  });
});
process.send?.({ type: 'ready' });
