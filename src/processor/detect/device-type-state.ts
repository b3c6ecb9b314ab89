/**
 * Per device type: the registry of channel slots (the layout of forest and test rows), the model
 * in use bound to that layout, and the rows the next model will be trained on. Models name their
 * features, so binding one trained elsewhere only needs this process's slot numbers.
 */
import { METRICS } from '../../domain/metric.ts';
import type { TrainingInput } from './build-model.ts';
import {
  CHANNEL_TESTS,
  FOREST_FEATURES,
  FOREST_STRIDE,
  forestFeatureName,
  forestIndex,
  SENSOR_TEST_COUNT,
  SENSOR_TESTS,
  TEST_FLOORS,
  TEST_STRIDE,
  testIndex,
  testName,
} from './channel-features.ts';
import type { DetectionModel } from './detection-model.ts';
import { type CompiledForest, remapFeatures } from './forest/compiled-forest.ts';

/** Channels one device type can have: 8 core metrics and extras seen across its sensors. */
export const MAX_CHANNELS = 32;
export const FOREST_ROW_WIDTH = MAX_CHANNELS * FOREST_STRIDE;
export const TEST_ROW_WIDTH = SENSOR_TEST_COUNT + MAX_CHANNELS * TEST_STRIDE;

export class DeviceTypeState {
  readonly channels: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly coreSlots = new Int32Array(METRICS.length).fill(-2);
  /** Calibrated threshold per test position; floors until a model says otherwise. */
  thresholds = new Float64Array(TEST_ROW_WIDTH);
  forest: CompiledForest | null = null;
  forestMedian = 0;
  forestThreshold = 1;
  model: DetectionModel | null = null;
  /** `motor@3`; `rules` before the first model. */
  version = 'rules';
  /** Rows kept for the next training: the warm-up window, later a sample of unflagged rows. */
  readonly forestRows: Float64Array[] = [];
  readonly testRows: Float64Array[] = [];
  /** Where the next retained row goes once the buffer is full (a ring). */
  private next = 0;
  /** Keep one of every `keepEvery` unflagged rows, so the buffer spans the whole retraining period. */
  keepEvery = 1;
  private skipped = 0;
  rowsSinceTraining = 0;
  lastTrainingMs = Number.NaN;
  training = false;

  constructor(
    readonly deviceType: string,
    /** Bins of the daily profiles of this type's sensors (0 = none). */
    readonly profileBins: number,
  ) {
    SENSOR_TESTS.forEach((test, i) => {
      this.thresholds[i] = TEST_FLOORS[test];
    });
  }

  /** Slot of a core metric by its METRICS index, cached: the hot path avoids a map lookup. */
  coreSlot(metric: number): number {
    const cached = this.coreSlots[metric] as number;
    if (cached !== -2) return cached;
    const slot = this.slotOf(METRICS[metric] as string);
    this.coreSlots[metric] = slot;
    return slot;
  }

  /** Slot of a channel, registering it on first sight; -1 when the type has no room left. */
  slotOf(channel: string): number {
    const known = this.slots.get(channel);
    if (known !== undefined) return known;
    if (this.channels.length >= MAX_CHANNELS) return -1;
    const slot = this.channels.length;
    this.channels.push(channel);
    this.slots.set(channel, slot);
    CHANNEL_TESTS.forEach((test, k) => {
      this.thresholds[testIndex(slot, k)] = TEST_FLOORS[test];
    });
    return slot;
  }

  get forestWidth(): number {
    return this.channels.length * FOREST_STRIDE;
  }

  get testWidth(): number {
    return SENSOR_TEST_COUNT + this.channels.length * TEST_STRIDE;
  }

  /** Uses `model` from now on; its features and tests are matched to local slots by name. */
  install(model: DetectionModel, version: string): void {
    const thresholds = new Float64Array(this.thresholds);
    model.tests.forEach((name, j) => {
      const index = this.testPosition(name);
      if (index >= 0) thresholds[index] = model.testThresholds[j] as number;
    });
    let forest: CompiledForest | null = null;
    if (model.forest) {
      const map = model.forestFeatures.map((name) => this.forestPosition(name));
      // A model naming more channels than fit here cannot be bound; keep its thresholds only.
      if (map.every((i) => i >= 0)) forest = remapFeatures(model.forest, map);
    }
    this.thresholds = thresholds;
    this.forest = forest;
    this.forestMedian = model.forestMedian;
    this.forestThreshold = model.forestThreshold;
    this.model = model;
    this.version = version;
  }

  /** Retains a copy of a row pair for training (every row during warm-up, a sample later). */
  retain(forestRow: Float64Array, testRow: Float64Array, capacity: number): void {
    this.rowsSinceTraining++;
    if (this.model !== null && ++this.skipped < this.keepEvery) return;
    this.skipped = 0;
    const f = forestRow.slice(0, this.forestWidth);
    const t = testRow.slice(0, this.testWidth);
    if (this.forestRows.length < capacity) {
      this.forestRows.push(f);
      this.testRows.push(t);
    } else {
      this.forestRows[this.next] = f;
      this.testRows[this.next] = t;
      this.next = (this.next + 1) % capacity;
    }
  }

  /** A snapshot of the retained rows and the current layout, for building a model. */
  trainingInput(): TrainingInput {
    const testNames = [...SENSOR_TESTS] as string[];
    const testFloors = SENSOR_TESTS.map((t) => TEST_FLOORS[t]) as number[];
    const forestNames: string[] = [];
    for (const channel of this.channels) {
      CHANNEL_TESTS.forEach((test, k) => {
        testNames.push(testName(channel, k));
        testFloors.push(TEST_FLOORS[test]);
      });
      FOREST_FEATURES.forEach((_, k) => {
        forestNames.push(forestFeatureName(channel, k));
      });
    }
    return {
      deviceType: this.deviceType,
      forestNames,
      testNames,
      testFloors,
      forestRows: [...this.forestRows],
      testRows: [...this.testRows],
    };
  }

  /** Called when training starts: rows from now on count towards the next one. */
  startedTraining(dataMs: number, capacity: number): void {
    // Spread the next period's rows over the buffer: keep one in (rows per period / capacity).
    if (this.model !== null || this.rowsSinceTraining > capacity) {
      this.keepEvery = Math.max(1, Math.ceil(this.rowsSinceTraining / capacity));
    }
    this.rowsSinceTraining = 0;
    this.lastTrainingMs = dataMs;
    this.training = true;
  }

  private forestPosition(name: string): number {
    const dot = name.lastIndexOf('.');
    const feature = FOREST_FEATURES.indexOf(name.slice(dot + 1) as (typeof FOREST_FEATURES)[number]);
    const slot = feature < 0 ? -1 : this.slotOf(name.slice(0, dot));
    return slot < 0 ? -1 : forestIndex(slot, feature);
  }

  private testPosition(name: string): number {
    const sensorTest = SENSOR_TESTS.indexOf(name as (typeof SENSOR_TESTS)[number]);
    if (sensorTest >= 0) return sensorTest;
    const dot = name.lastIndexOf('.');
    const test = CHANNEL_TESTS.indexOf(name.slice(dot + 1) as (typeof CHANNEL_TESTS)[number]);
    const slot = test < 0 ? -1 : this.slotOf(name.slice(0, dot));
    return slot < 0 ? -1 : testIndex(slot, test);
  }
}
