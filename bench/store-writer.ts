/**
 * The chunk writer alone, in this process, for profiling the store: `rounds` readings of each of
 * `sensors` sensors (rule detector), written chunk by chunk, one chunk at a time, into a private
 * redis-server. Prints, per round, readings/s and the CPU per reading of this process and of
 * redis-server (INFO cpu), for the full write (`--mode full`: both phases) or phase 1 alone
 * (`--mode apply`: the per-sensor apply script), next to the same readings written as a plain
 * pipeline of one HSET (8 fields) + PEXPIRE per reading: what Redis spends without any of the store's
 * guarantees. Round 0 creates the hashes and is not in the medians.
 *
 *   npm run bench -- store-writer [--sensors 50000] [--rounds 4] [--chunk 500] [--mode full|apply]
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import type { Detector } from '../src/processor/detector.ts';
import { createChunkQualityCounter } from '../src/processor/quality-counter.ts';
import { createRuleDetector } from '../src/processor/rule-detector.ts';
import { createReadingApplier } from '../src/store/apply-readings.ts';
import { createChunkWriter } from '../src/store/chunk-writer.ts';
import { startEmbeddedRedis } from '../src/store/embedded-redis.ts';
import { createFleetHistoryWriter } from '../src/store/fleet-history-writer.ts';
import type { ScoredReading } from '../src/store/sensor-hash.ts';
import { DEFAULT_STORE_OPTIONS } from '../src/store/store-options.ts';
import { benchReading } from './lib/fleet-messages.ts';
import { median, printTable, writeResult } from './lib/report.ts';

type Write = (items: readonly ScoredReading[]) => Promise<unknown>;

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sensors: { type: 'string', default: '50000' },
      rounds: { type: 'string', default: '4' },
      chunk: { type: 'string', default: '500' },
      mode: { type: 'string', default: 'full' },
    },
  });
  const sensors = Number(values.sensors);
  const rounds = Number(values.rounds);
  const chunk = Number(values.chunk);
  const server = await startEmbeddedRedis();
  const redis = new Redis(server.url);
  try {
    const store = DEFAULT_STORE_OPTIONS;
    const writer = createChunkWriter(redis, {
      store,
      fleetHistory: createFleetHistoryWriter(redis, store),
      quality: createChunkQualityCounter(),
    });
    const applier = createReadingApplier(redis, store);
    const storeWrite: Write =
      values.mode === 'apply' ? (items) => applier.apply(items, new Date()) : (items) => writer.write(items);
    const rows = [];
    for (const [path, write] of [
      [`store (${values.mode})`, storeWrite],
      ['plain pipeline HSET + PEXPIRE', plainWrite(redis)],
    ] as const) {
      const perRound = [];
      const detector = createRuleDetector();
      for (let round = 0; round < rounds; round++)
        perRound.push(await timeRound(redis, detector, write, sensors, round, chunk));
      const timed = perRound.slice(1);
      const row = {
        path,
        'readings/s': Math.round(median(timed.map((r) => r.perSecond))),
        'node µs/reading': median(timed.map((r) => r.nodeUs)),
        'redis µs/reading': median(timed.map((r) => r.redisUs)),
      };
      console.log(path, perRound.map((r) => r.redisUs.toFixed(1)).join(' / '), 'redis µs per round');
      rows.push(row);
    }
    printTable(rows);
    writeResult('store-writer', { options: values, rows });
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

function plainWrite(redis: Redis): Write {
  return async (items) => {
    const pipeline = redis.pipeline();
    for (const { reading: r } of items) {
      const key = `plain:{${r.sensor_id}}`;
      pipeline.hset(
        key,
        'ts',
        r.ts,
        'seq',
        r.seq,
        'power_kw',
        String(r.power_kw),
        'current',
        String(r.current),
        'voltage',
        String(r.voltage),
        'temperature',
        String(r.temperature),
        'pressure',
        String(r.pressure),
        'vibration',
        String(r.vibration),
      );
      pipeline.pexpire(key, 600_000);
    }
    await pipeline.exec();
  };
}

async function timeRound(
  redis: Redis,
  detector: Detector,
  write: Write,
  sensors: number,
  round: number,
  chunk: number,
) {
  const redis0 = await redisCpuSeconds(redis);
  const node0 = process.cpuUsage();
  const started = performance.now();
  for (let from = 0; from < sensors; from += chunk) {
    const readings = [];
    for (let s = from; s < Math.min(sensors, from + chunk); s++) readings.push(benchReading(s, round, 1000));
    const assessments = detector.assess(readings);
    await write(
      readings.map((reading, i) => ({ reading, assessment: assessments[i] as ScoredReading['assessment'] })),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const node = process.cpuUsage(node0);
  return {
    perSecond: sensors / seconds,
    nodeUs: (node.user + node.system) / sensors,
    redisUs: (((await redisCpuSeconds(redis)) - redis0) * 1e6) / sensors,
  };
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return read('used_cpu_user') + read('used_cpu_sys');
}
