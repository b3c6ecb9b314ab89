/**
 * Per-reading cost of the detector on a large fleet, as the processor calls it.
 *   NODE_OPTIONS=--expose-gc npm run bench -- detector [--sensors 100000] [--rounds 5] [--chunk 500] [--warmup 60]
 *
 * A fleet of `sensors` simulator-shaped sensors (8 metrics, 7 device types) sends one reading each
 * per round, one second apart; `assess` gets them in chunks of `chunk`. The first `warmup` + 2
 * rounds (baselines, then models trained on the warm-up rows) are not timed; the median of the
 * timed rounds is reported. Also measured: the longest single step of a model build from the
 * largest training set the detector keeps (the event-loop block of background training), and the
 * forest's share: the compiled scorer against ml-isolation-forest's own predict on the same trees.
 */
import { parseArgs } from 'node:util';
import { DEVICE_TYPES } from '../src/domain/device-type.ts';
import type { Reading } from '../src/domain/reading.ts';
import { buildModel } from '../src/processor/detect/build-model.ts';
import { createDetector } from '../src/processor/detect/create-detector.ts';
import { compileForest } from '../src/processor/detect/forest/compile-forest.ts';
import { scoreRows } from '../src/processor/detect/forest/compiled-forest.ts';
import { asLibraryForest, trainForest } from '../src/processor/detect/forest/train-forest.ts';
import { DEFAULT_DETECTOR_OPTIONS } from '../src/processor/detect/options.ts';
import { createRandom } from '../src/processor/detect/random.ts';
import { median, printTable, writeResult } from './lib/report.ts';

/** The processor's own cost per reading without detection (perf-limits §6-7: decode, parse, Redis). */
const PROCESSOR_OVERHEAD_US = 20;

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sensors: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '5' },
      chunk: { type: 'string', default: '500' },
      warmup: { type: 'string', default: String(DEFAULT_DETECTOR_OPTIONS.baselineWarmup) },
    },
  });
  const sensors = Number(values.sensors);
  const rounds = Number(values.rounds);
  const chunk = Number(values.chunk);
  const warmup = Number(values.warmup);
  // Every sensor out of warm-up before the timed rounds: those measure the steady per-reading cost.
  const options = { ...DEFAULT_DETECTOR_OPTIONS, baselineWarmup: warmup, warmupStagger: 0 };
  const detector = createDetector(options);
  const fleet = createFleet(sensors);
  const feed = (round: number) => {
    const readings = fleet(round);
    const start = process.hrtime.bigint();
    for (let i = 0; i < readings.length; i += chunk) detector.assess(readings.slice(i, i + chunk));
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  let round = 0;
  for (; round < warmup + 2; round++) feed(round);
  const versions = DEVICE_TYPES.map((t) => detector.typeState(t).version);
  if (versions.some((v) => v === 'rules'))
    throw new Error(`models missing after warm-up: ${versions.join(', ')}`);
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++, round++) rates.push(sensors / feed(round));
  const rate = median(rates);
  const usPerReading = 1e6 / rate;
  // With NODE_OPTIONS=--expose-gc the figure is live data only; without, it includes garbage.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const training = longestTrainingStep(options);
  const forest = forestCost(options.forest.trees, chunk / DEVICE_TYPES.length);

  printTable([
    { measure: 'assess() readings/s (median of rounds)', value: Math.round(rate) },
    { measure: 'assess() µs per reading', value: usPerReading },
    {
      measure: `  of which forest, compiled tree-major (${options.forest.trees} trees ψ=256), µs`,
      value: forest.compiled,
    },
    { measure: '  the same trees scored by ml-isolation-forest predict, µs', value: forest.library },
    {
      measure: `projected processor readings/s (${PROCESSOR_OVERHEAD_US} µs own overhead)`,
      value: Math.round(1e6 / (PROCESSOR_OVERHEAD_US + usPerReading)),
    },
    {
      measure: `heap used after the rounds, MB (${gc ? 'after a full GC' : 'garbage included'})`,
      value: heapMb,
    },
    { measure: `longest training step, ms (${options.retrainRows} rows)`, value: training },
  ]);
  console.log(
    `\nrounds: ${rates.map((r) => Math.round(r)).join(', ')} readings/s; models ${versions.join(', ')}`,
  );
  writeResult('detector', {
    sensors,
    rounds,
    chunk,
    warmup,
    readings_per_s: Math.round(rate),
    us_per_reading: Number(usPerReading.toFixed(2)),
    forest_compiled_us: Number(forest.compiled.toFixed(2)),
    forest_library_us: Number(forest.library.toFixed(2)),
    projected_processor_per_s: Math.round(1e6 / (PROCESSOR_OVERHEAD_US + usPerReading)),
    heap_mb: Math.round(heapMb),
    longest_training_step_ms: Number(training.toFixed(2)),
  });
}

/** Readings of round `r` for every sensor: realistic magnitudes, noise, a few anomalies. */
function createFleet(sensors: number): (round: number) => Reading[] {
  const start = Date.UTC(2026, 10, 22, 6, 0, 0);
  const random = createRandom(42);
  const base = Array.from({ length: sensors }, () => ({
    current: 10 + 40 * random(),
    temp: 25 + 30 * random(),
  }));
  return (round) =>
    base.map((b, i): Reading => {
      const noise = () => random() - 0.5;
      const current = b.current * (1 + 0.02 * noise()) * (i % 997 === round % 997 ? 2 : 1);
      const voltage = 230 + 2 * noise();
      const pf = 0.9 + 0.01 * noise();
      return {
        sensor_id: `sensor_${String(i).padStart(6, '0')}`,
        ts: new Date(start + round * 1000).toISOString(),
        seq: round + 1,
        device_type: DEVICE_TYPES[i % DEVICE_TYPES.length] ?? 'motor',
        location: 'floor_a',
        current,
        voltage,
        power_factor: pf,
        power_kw: (current * voltage * pf) / 1000,
        energy_kwh: 1000 + round * 0.01 * b.current,
        temperature: b.temp + 0.3 * noise(),
        pressure: 5 + 0.05 * noise(),
        vibration: 2 + 0.2 * noise(),
        producer_host: 'bench',
        injected: null,
      };
    });
}

/** The longest single step (between two yields) of a model build on a full training buffer. */
function longestTrainingStep(options: typeof DEFAULT_DETECTOR_OPTIONS): number {
  const random = createRandom(7);
  const channels = 8;
  const forestRows = Array.from({ length: options.retrainRows }, () =>
    Float64Array.from({ length: channels * 4 }, () => random() - 0.5),
  );
  const testRows = Array.from({ length: options.retrainRows }, () =>
    Float64Array.from({ length: 2 + channels * 5 }, () => random()),
  );
  const work = buildModel(
    {
      deviceType: 'motor',
      forestNames: Array.from({ length: channels * 4 }, (_, i) => `c${i >> 2}.f${i & 3}`),
      testNames: Array.from({ length: 2 + channels * 5 }, (_, i) => `t${i}`),
      testFloors: Array.from({ length: 2 + channels * 5 }, () => 1),
      forestRows,
      testRows,
    },
    options,
  );
  let longest = 0;
  for (;;) {
    const start = performance.now();
    const step = work.next();
    longest = Math.max(longest, performance.now() - start);
    if (step.done) return longest;
  }
}

/**
 * µs per row of the forest alone on the same ψ=256 trees: compiled and scored tree-major in blocks
 * the size of one device type's share of a chunk (as assess does), and the library's recursive
 * predict one row at a time (as a naive detector would).
 */
function forestCost(trees: number, block: number): { compiled: number; library: number } {
  const random = createRandom(9);
  const width = 32;
  const rows = Array.from({ length: 4096 }, () => Array.from({ length: width }, () => random() - 0.5));
  const trained = trainForest(rows, { trees, sampleSize: 256, seed: 1 });
  const library = asLibraryForest(trained);
  const compiled = compileForest(trained.trees, trained.sampleSize, width);
  const probe = rows.slice(0, 2048);
  const flat = Float64Array.from(probe.flat());
  const size = Math.max(1, Math.round(block));
  const out = new Float64Array(size);
  const compiledTimes: number[] = [];
  const libraryTimes: number[] = [];
  for (let r = 0; r < 5; r++) {
    let start = process.hrtime.bigint();
    for (let i = 0; i + size <= probe.length; i += size) {
      scoreRows(compiled, flat.subarray(i * width), width, size, out);
    }
    compiledTimes.push(
      Number(process.hrtime.bigint() - start) / 1e3 / (probe.length - (probe.length % size)),
    );
    start = process.hrtime.bigint();
    for (const row of probe) library.predict([row]);
    libraryTimes.push(Number(process.hrtime.bigint() - start) / 1e3 / probe.length);
  }
  return { compiled: median(compiledTimes), library: median(libraryTimes) };
}
