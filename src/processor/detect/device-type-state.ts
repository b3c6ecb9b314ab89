/**
 * Per device type: the registry of channel slots (the layout of forest and test rows), the model
 * in use bound to that layout, and the rows the next model will be trained on. Models name their
 * features, so binding one trained elsewhere only needs this process's slot numbers.
 */
import { METRICS } from '../../domain/metric.ts';
import { TypeBlock } from './batch-scratch.ts';
import type { TrainingInput } from './build-model.ts';
import {
  CHANNEL_TESTS,
  FOREST_FEATURES,
  FOREST_ROW_WIDTH,
  FOREST_STRIDE,
  forestFeatureName,
  forestIndex,
  MAX_CHANNELS,
  SENSOR_TEST_COUNT,
  SENSOR_TESTS,
  TEST_FLOORS,
  TEST_ROW_WIDTH,
  TEST_STRIDE,
  testIndex,
  testName,
} from './channel-features.ts';
import type { DetectionModel } from './detection-model.ts';
import { type CompiledForest, remapFeatures } from './forest/compiled-forest.ts';
import { PeerDrift } from './peer-drift.ts';
import { createRandom } from './random.ts';
import { TrainingSample } from './training-sample.ts';

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
  /** Rows for the next training: the warm-up window, later a sample of unflagged rows. */
  readonly sample: TrainingSample;
  /** This type's rows within the current `assess` call, and within a warm-up replay. */
  readonly block: TypeBlock;
  readonly replayBlock: TypeBlock;
  /** Which way the type's sensors drift together, per channel. */
  readonly peerDrift = new PeerDrift();
  rowsSinceTraining = 0;
  lastTrainingMs = Number.NaN;
  training = false;

  constructor(
    readonly deviceType: string,
    /** Bins of the daily profiles of this type's sensors (0 = none). */
    readonly profileBins: number,
    sampleCapacity: number,
    seed: number,
  ) {
    this.sample = new TrainingSample(sampleCapacity, createRandom(seed));
    this.block = new TypeBlock(this);
    this.replayBlock = new TypeBlock(this);
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

  /** Offers row `row` of `block` to the training sample. */
  offer(block: TypeBlock, row: number): void {
    this.rowsSinceTraining++;
    this.sample.offer(
      block.forestRows,
      row * FOREST_ROW_WIDTH,
      this.forestWidth,
      block.testRows,
      row * TEST_ROW_WIDTH,
      this.testWidth,
    );
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
      ...this.sample.snapshot(),
    };
  }

  /** Called when training starts: rows from now on sample the next period. */
  startedTraining(dataMs: number): void {
    this.sample.reset();
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
