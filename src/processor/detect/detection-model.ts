/**
 * A device type's trained model: the forest over named features and the calibrated threshold of
 * every test. Names, not positions, tie it to data, so a process whose channel slots are numbered
 * differently can still use a model another process trained. The codec is the `ww:model:{type}`
 * payload.
 */
import type { CompiledForest } from './forest/compiled-forest.ts';
import { decodeForest, type EncodedForest, encodeForest } from './forest/forest-codec.ts';
import { checkModelConfig, type ModelConfig } from './model-config.ts';

export const MODEL_FORMAT = 'wattwatch.detection-model';
/** 2: the training configuration is stored with the model. */
export const MODEL_FORMAT_VERSION = 2;

export interface DetectionModel {
  readonly deviceType: string;
  /** When it was trained, ISO-8601. */
  readonly trainedAt: string;
  /** Training rows behind it. */
  readonly rows: number;
  /** The settings it was trained with (features, calibration, forest size, ψ, seed). */
  readonly config: ModelConfig;
  /** The forest's features by name, e.g. `temperature.zs`; null when too few rows for a forest. */
  readonly forestFeatures: readonly string[];
  readonly forest: CompiledForest | null;
  /** Median and threshold of the forest's scores over its training rows. */
  readonly forestMedian: number;
  readonly forestThreshold: number;
  /** Test names (`gap`, `temperature.deviation`, …) and their calibrated thresholds. */
  readonly tests: readonly string[];
  readonly testThresholds: readonly number[];
}

interface EncodedModel extends Omit<DetectionModel, 'forest'> {
  readonly format: typeof MODEL_FORMAT;
  readonly formatVersion: number;
  readonly forest: EncodedForest | null;
}

/** The JSON text stored in Redis. */
export function encodeModel(model: DetectionModel): string {
  const encoded: EncodedModel = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    ...model,
    forest: model.forest ? encodeForest(model.forest) : null,
  };
  return JSON.stringify(encoded);
}

/** Parses and checks a stored model; throws naming the problem. */
export function decodeModel(text: string): DetectionModel {
  const e = JSON.parse(text) as Partial<EncodedModel> | null;
  if (!e || e.format !== MODEL_FORMAT) throw new Error('not a wattwatch detection model');
  if (e.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new Error(`model format version ${e.formatVersion} is not supported (${MODEL_FORMAT_VERSION} is)`);
  }
  const tests = stringArray(e.tests, 'tests');
  const thresholds = e.testThresholds;
  if (!Array.isArray(thresholds) || thresholds.length !== tests.length || !thresholds.every(isFiniteNumber)) {
    throw new Error('testThresholds must be one finite number per test');
  }
  const forestFeatures = stringArray(e.forestFeatures, 'forestFeatures');
  const forest = e.forest ? decodeForest(e.forest) : null;
  if (forest && forest.features > forestFeatures.length) throw new Error('forest uses unnamed features');
  if (!isFiniteNumber(e.forestMedian) || !isFiniteNumber(e.forestThreshold)) {
    throw new Error('forest median and threshold must be numbers');
  }
  return {
    deviceType: String(e.deviceType),
    trainedAt: String(e.trainedAt),
    rows: Number(e.rows),
    config: checkModelConfig(e.config),
    forestFeatures,
    forest,
    forestMedian: e.forestMedian,
    forestThreshold: e.forestThreshold,
    tests,
    testThresholds: thresholds,
  };
}

function stringArray(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new Error(`${name} must be an array of strings`);
  }
  return value;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
