import type { DetectorOptions } from './options.ts';

/**
 * What the features compute, as a number: raised by every change that alters what a feature or
 * test measures with the same settings (a model's thresholds were calibrated on the old meaning,
 * and a process must not take them for its own). 2: per-hour noise in the daily profile, short-term
 * mean and warm-up wander clipped at 6 spreads, silences held to the recent longest. 3: warm-up
 * screen (screened values out of the starting baseline), flagged baselines moved with their peers.
 */
export const FEATURE_REVISION = 3;

/** The detector options a model's features and thresholds depend on, and the feature revision. */
export type ModelConfig = { readonly featureRevision: number } & Pick<
  DetectorOptions,
  | 'baselineWarmup'
  | 'levelHalfLife'
  | 'slowHalfLife'
  | 'shortHalfLife'
  | 'flaggedLearnWeight'
  | 'acceptAfterReadings'
  | 'acceptAfterMs'
  | 'profileBins'
  | 'calibration'
  | 'forest'
>;

/** Settings that shape the features themselves: a model is only valid where these match. */
const FEATURE_SETTINGS = [
  'featureRevision',
  'baselineWarmup',
  'levelHalfLife',
  'slowHalfLife',
  'shortHalfLife',
  'flaggedLearnWeight',
  'acceptAfterReadings',
  'acceptAfterMs',
  'profileBins',
] as const;

export function modelConfigOf(o: DetectorOptions): ModelConfig {
  return {
    featureRevision: FEATURE_REVISION,
    baselineWarmup: o.baselineWarmup,
    levelHalfLife: o.levelHalfLife,
    slowHalfLife: o.slowHalfLife,
    shortHalfLife: o.shortHalfLife,
    flaggedLearnWeight: o.flaggedLearnWeight,
    acceptAfterReadings: o.acceptAfterReadings,
    acceptAfterMs: o.acceptAfterMs,
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
