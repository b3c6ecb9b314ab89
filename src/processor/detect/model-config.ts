/**
 * The settings a model was trained with, stored inside it. A model's thresholds are quantiles of
 * features computed with particular half-lives and warm-up; scoring features computed otherwise
 * against them would flag too much or too little without any error. So a process compares a
 * stored model's feature settings with its own before using it, and anyone reading a model in
 * Redis can see how it was made (calibration, forest size, ψ, seed).
 */
import type { ForestTrainingOptions } from './forest/train-forest.ts';
import type { CalibrationOptions, DetectorOptions } from './options.ts';

export interface ModelConfig {
  readonly baselineWarmup: number;
  readonly levelHalfLife: number;
  readonly slowHalfLife: number;
  readonly shortHalfLife: number;
  readonly flaggedLearnWeight: number;
  readonly acceptAfterReadings: number;
  readonly profileBins: number;
  readonly calibration: CalibrationOptions;
  readonly forest: ForestTrainingOptions;
}

/** Settings that shape the features themselves: a model is only valid where these match. */
const FEATURE_SETTINGS = [
  'baselineWarmup',
  'levelHalfLife',
  'slowHalfLife',
  'shortHalfLife',
  'flaggedLearnWeight',
  'acceptAfterReadings',
  'profileBins',
] as const;

export function modelConfigOf(o: DetectorOptions): ModelConfig {
  return {
    baselineWarmup: o.baselineWarmup,
    levelHalfLife: o.levelHalfLife,
    slowHalfLife: o.slowHalfLife,
    shortHalfLife: o.shortHalfLife,
    flaggedLearnWeight: o.flaggedLearnWeight,
    acceptAfterReadings: o.acceptAfterReadings,
    profileBins: o.profileBins,
    calibration: { quantile: o.calibration.quantile, margin: o.calibration.margin },
    forest: { trees: o.forest.trees, sampleSize: o.forest.sampleSize, seed: o.forest.seed },
  };
}

/** "slowHalfLife 1000 ≠ 500", one per feature setting where `model` differs from `local`. */
export function featureMismatches(model: ModelConfig, local: ModelConfig): string[] {
  return FEATURE_SETTINGS.filter((k) => model[k] !== local[k]).map(
    (k) => `${k} ${model[k]} (model) ≠ ${local[k]} (this process)`,
  );
}

/** Throws unless `value` is a complete ModelConfig (a stored model is untrusted input). */
export function checkModelConfig(value: unknown): ModelConfig {
  const c = value as Partial<ModelConfig> | null;
  const numbers = (o: object | undefined, keys: readonly string[]) =>
    !!o && keys.every((k) => Number.isFinite((o as Record<string, unknown>)[k]));
  if (
    !c ||
    !numbers(c, FEATURE_SETTINGS) ||
    !numbers(c.calibration, ['quantile', 'margin']) ||
    !numbers(c.forest, ['trees', 'sampleSize', 'seed'])
  ) {
    throw new Error('config must give every training setting as a number');
  }
  return c as ModelConfig;
}
