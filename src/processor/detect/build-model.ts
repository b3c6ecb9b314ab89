/**
 * Builds a DetectionModel from training rows as a generator that yields between small pieces of
 * work, so a caller can spread training over many event-loop turns (`runSliced`) or finish it at
 * once (`runToEnd`): identical results either way.
 */
import { calibrate } from './calibrate.ts';
import type { DetectionModel } from './detection-model.ts';
import { compileForest } from './forest/compile-forest.ts';
import { type CompiledForest, scoreRow } from './forest/compiled-forest.ts';
import { createForestTrainer } from './forest/train-forest.ts';
import { modelConfigOf } from './model-config.ts';
import type { DetectorOptions } from './options.ts';

export interface TrainingInput {
  readonly deviceType: string;
  /** Local names of forest-row positions and test-row positions. */
  readonly forestNames: readonly string[];
  readonly testNames: readonly string[];
  readonly testFloors: readonly number[];
  /** Rows may be shorter than the names: channels that appeared later are missing from them. */
  readonly forestRows: readonly Float64Array[];
  readonly testRows: readonly Float64Array[];
}

/** Fewer rows than this give thresholds but no forest: too few to isolate anything. */
export const MIN_FOREST_ROWS = 64;
const TESTS_PER_STEP = 4;
const TREES_PER_STEP = 2;
const ROWS_PER_STEP = 1000;

export function* buildModel(
  input: TrainingInput,
  options: DetectorOptions,
  now: () => Date = () => new Date(),
): Generator<void, DetectionModel> {
  const testThresholds: number[] = [];
  for (let j = 0; j < input.testNames.length; j++) {
    const values: number[] = [];
    for (const row of input.testRows) if (j < row.length) values.push(row[j] as number);
    testThresholds.push(calibrate(values, options.calibration, input.testFloors[j] as number).threshold);
    // A sort of a few thousand values per test: yield every few tests.
    if (j % TESTS_PER_STEP === TESTS_PER_STEP - 1) yield;
  }
  yield;
  const columns = varyingColumns(input.forestRows, input.forestNames.length);
  yield;
  let forest: CompiledForest | null = null;
  let forestMedian = 0;
  let forestThreshold = 1;
  if (columns.length > 0 && input.forestRows.length >= MIN_FOREST_ROWS) {
    const rows: number[][] = [];
    for (const row of input.forestRows) {
      rows.push(columns.map((c) => (c < row.length ? (row[c] as number) : 0)));
      if (rows.length % ROWS_PER_STEP === 0) yield;
    }
    const trainer = createForestTrainer(rows, options.forest);
    while (!trainer.done) {
      trainer.grow(TREES_PER_STEP);
      yield;
    }
    forest = compileForest(trainer.trees, trainer.sampleSize, columns.length);
    const scores: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      scores.push(scoreRow(forest, rows[i] as number[]));
      if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    }
    const c = calibrate(scores, options.calibration, 0);
    forestMedian = c.median;
    forestThreshold = Math.max(c.threshold, c.median + 1e-6);
  }
  return {
    deviceType: input.deviceType,
    trainedAt: now().toISOString(),
    rows: input.testRows.length,
    config: modelConfigOf(options),
    forestFeatures: columns.map((c) => input.forestNames[c] as string),
    forest,
    forestMedian,
    forestThreshold,
    tests: [...input.testNames],
    testThresholds,
  };
}

/** Runs a build to the end in one go. */
export function runToEnd<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a build in slices of at most about `sliceMs`, one per event-loop turn, so readings keep
 * flowing while a model trains; `cancelled` stops it early (then it resolves null).
 */
export function runSliced<T>(
  work: Generator<void, T>,
  sliceMs: number,
  cancelled: () => boolean = () => false,
): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        const until = performance.now() + sliceMs;
        do {
          if (cancelled()) return resolve(null);
          const step = work.next();
          if (step.done) return resolve(step.value);
        } while (performance.now() < until);
        setImmediate(slice);
      } catch (error) {
        reject(error);
      }
    };
    setImmediate(slice);
  });
}

/** Columns whose value differs somewhere: a constant feature only wastes tree levels. */
function varyingColumns(rows: readonly Float64Array[], width: number): number[] {
  const first = rows[0] ?? new Float64Array(0);
  const varies = new Uint8Array(width);
  for (const row of rows) {
    for (let c = 0; c < width; c++) {
      if (
        varies[c] === 0 &&
        (c < row.length ? (row[c] as number) : 0) !== (c < first.length ? (first[c] as number) : 0)
      ) {
        varies[c] = 1;
      }
    }
  }
  const columns: number[] = [];
  for (let c = 0; c < width; c++) if (varies[c] === 1) columns.push(c);
  return columns;
}
