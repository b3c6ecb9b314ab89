/**
 * Generation half of bench/simulator.ts: readings/s of the fleet generator driven by the slot
 * schedule on one core, with and without JSON encoding, against the seed's simulator (a fresh
 * object per reading from independent Math.random draws and a Date per reading).
 */
import type { Reading } from '../../src/domain/reading.ts';
import { encodeReading } from '../../src/domain/reading-codec.ts';
import { createFleet } from '../../src/simulator/fleet/create-fleet.ts';
import { writeReadingJson } from '../../src/simulator/publish/reading-bytes.ts';
import { readingJson } from '../../src/simulator/publish/reading-json.ts';
import { createSlotSchedule } from '../../src/simulator/schedule/slot-schedule.ts';
import { createGenerator } from '../../src/simulator/signals/create-generator.ts';
import { createNaiveSimulator } from './naive-simulator.ts';
import { median, printTable } from './report.ts';

const START = Date.parse('2026-03-04T10:00:00Z');
const INTERVAL = 1000;

export interface GenerateOptions {
  readonly sensors: number;
  readonly steps: number;
  readonly rounds: number;
  readonly seed: number;
}

/** Prints the generation table and returns the figures for BENCH_JSON. */
export function measureGeneration({ sensors, steps, rounds, seed }: GenerateOptions): Record<string, number> {
  const createStart = process.hrtime.bigint();
  const generator = createGenerator(createFleet({ sensors, seed }), { startMs: START, intervalMs: INTERVAL });
  const createMs = Number(process.hrtime.bigint() - createStart) / 1e6;
  const naive = createNaiveSimulator(sensors);
  const perRound = sensors * steps;
  const bytes = Buffer.allocUnsafeSlow(1024 * 1024);
  let sink = 0;
  /** A fresh generator and schedule driven `steps` intervals per round; `use` consumes each reading. */
  const scheduled = (use: (r: Reading) => number) => {
    const own = createGenerator(createFleet({ sensors, seed }), { startMs: START, intervalMs: INTERVAL });
    const schedule = createSlotSchedule({
      sensors,
      intervalMs: INTERVAL,
      startMs: START,
      jitter: 0.05,
      seed,
    });
    let clock = START;
    return () => {
      clock += steps * INTERVAL;
      return schedule.advance(clock, (i, slot, jitter) => {
        const r = own.sample(i, slot, jitter);
        if (r) sink += use(r);
      }).emitted;
    };
  };
  const paths: [string, () => number][] = [
    [
      'naive (seed approach)',
      () => {
        for (let k = 0; k < perRound; k++) sink += naive.next().current;
        return perRound;
      },
    ],
    ['generator + schedule', scheduled((r) => r.seq)],
    ['generator + schedule + encodeReading', scheduled((r) => encodeReading(r).length)],
    ['generator + schedule + readingJson', scheduled((r) => readingJson(r).length)],
    [
      'generator + schedule + JSON bytes (what simulate sends)',
      scheduled((r) => (writeReadingJson(r, bytes, 0) > 0 ? 1 : 0)),
    ],
  ];
  const rates = measureInterleaved(
    paths.map(([, f]) => f),
    rounds,
  );
  const [naiveRate = 0, genRate = 0, encRate = 0, jsonRate = 0, bytesRate = 0] = rates;

  printTable(paths.map(([name], k) => ({ path: name, 'readings/s': Math.round(rates[k] ?? 0) })));
  console.log(
    `\n${sensors.toLocaleString('en-US')} sensors: fleet + state built in ${createMs.toFixed(0)} ms, ` +
      `${generator.bytesPerSensor().toFixed(0)} B/sensor in typed arrays (plus its id string)`,
  );
  console.log(`generator is ${(genRate / naiveRate).toFixed(2)}x the naive baseline (checksum ${sink % 7})`);
  console.log(`target: >= 500,000 readings/s generation (${genRate >= 500_000 ? 'met' : 'NOT met'})`);
  return {
    steps,
    rounds,
    create_ms: Math.round(createMs),
    bytes_per_sensor: Math.round(generator.bytesPerSensor()),
    naive_per_s: Math.round(naiveRate),
    generate_per_s: Math.round(genRate),
    generate_encode_per_s: Math.round(encRate),
    generate_json_per_s: Math.round(jsonRate),
    generate_json_bytes_per_s: Math.round(bytesRate),
    ratio_vs_naive: Number((genRate / naiveRate).toFixed(3)),
  };
}

/** Median readings/s of each path over `rounds` (after two warm-up rounds), taking turns each round. */
function measureInterleaved(paths: readonly (() => number)[], rounds: number): number[] {
  const rates = paths.map(() => [] as number[]);
  for (let round = 0; round < rounds + 2; round++) {
    paths.forEach((path, p) => {
      const start = process.hrtime.bigint();
      const count = path();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (round >= 2) rates[p]?.push(count / seconds);
    });
  }
  return rates.map(median);
}
