/**
 * A steady write load for bench/api.ts: the store's real chunk writer storing `BENCH_RATE` readings/s
 * into the bench's Redis, as `BENCH_WRITERS` processors would (each its own connection and share of
 * the fleet, chunks of 500, round-robin over its sensors, each reading a new seq), without
 * detection's CPU, which runs in the processors' own processes.
 *
 * The writers' chunks are spread evenly over each chunk period (writer k starts k/writers of a
 * period late), as independent processors' are: in lockstep (`BENCH_LOCKSTEP=1`, how this bench ran
 * before 2026-11-22) all eight apply scripts reach Redis at the same instant, and any read arriving
 * then queues behind all of them.
 */
import { Redis } from 'ioredis';
import { createChunkWriter } from '../../src/store/chunk-writer.ts';
import { createFleetHistoryWriter } from '../../src/store/fleet-history-writer.ts';
import { DEFAULT_STORE_OPTIONS } from '../../src/store/store-options.ts';
import { apiBenchReading } from './api-fleet.ts';

const sensors = Number(process.env.BENCH_SENSORS);
const rate = Number(process.env.BENCH_RATE);
const writers = Math.max(1, Number(process.env.BENCH_WRITERS ?? 4));
const chunk = 500;
const lockstep = process.env.BENCH_LOCKSTEP === '1';
let running = true;
const started = performance.now();
const connections: Redis[] = [];

/** Writer `k` of `writers`: sensors k, k + writers, … at rate / writers. */
async function writeShare(k: number): Promise<number> {
  const redis = new Redis(process.env.BENCH_REDIS_URL ?? '');
  connections.push(redis);
  const writer = createChunkWriter(redis, {
    store: DEFAULT_STORE_OPTIONS,
    fleetHistory: createFleetHistoryWriter(redis, DEFAULT_STORE_OPTIONS),
  });
  const share = Math.ceil((sensors - k) / writers);
  const periodMs = (chunk / (rate / writers)) * 1000;
  const phaseMs = lockstep ? 0 : (periodMs * k) / writers;
  let next = 0;
  let written = 0;
  while (running) {
    const due = started + phaseMs + ((written + chunk) / (rate / writers)) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const items = Array.from({ length: chunk }, () => {
      const index = k + (next % share) * writers;
      const round = 1 + Math.floor(next / share);
      next++;
      return apiBenchReading(index, round);
    });
    await writer.write(items);
    written += chunk;
  }
  return written;
}

const done = Promise.all(Array.from({ length: writers }, (_, k) => writeShare(k)));
process.on('message', async (m: { type: string }) => {
  if (m.type !== 'stop') return;
  running = false;
  const written = (await done).reduce((a, b) => a + b, 0);
  const seconds = (performance.now() - started) / 1000;
  process.send?.({ type: 'done', rate: written / seconds }, () => {
    for (const redis of connections) redis.disconnect();
    process.disconnect();
  });
});
process.send?.({ type: 'ready' });
