/**
 * Every tunable of the detector in one place, with the defaults the processor, `score` and the
 * benchmarks use. Half-lives count readings of one sensor, not seconds, so the same settings work
 * for a 1 Hz pump and a 5-minute cloud metric.
 */
import { DEFAULT_FOREST_TRAINING_OPTIONS, type ForestTrainingOptions } from './forest/train-forest.ts';
import { DEFAULT_WARMUP_SCREEN_OPTIONS, type WarmupScreenOptions } from './warmup-screen.ts';

export interface CalibrationOptions {
  /** Threshold = median + margin × (quantile − median) of the statistic over the training rows. */
  readonly quantile: number;
  readonly margin: number;
}

export interface DetectorOptions {
  /** Readings of a sensor collected before its baseline starts (median and MAD of these). */
  readonly baselineWarmup: number;
  /**
   * Up to this many extra warm-up readings per sensor, fixed by a hash of its id: a fleet that
   * starts together then leaves warm-up over that many readings instead of all in one (each exit
   * replays the warm-up through the features, 6 s of CPU at once for 20,000 sensors). 0 where a
   * benchmark's protocol fixes the warm-up.
   */
  readonly warmupStagger: number;
  /** Flags grossly abnormal warm-up readings and keeps them out of the starting baseline. */
  readonly warmupScreen: WarmupScreenOptions;
  /** Feature rows of a device type gathered before its first model (forest + thresholds) is trained. */
  readonly modelWarmupRows: number;
  /** Half-life, in readings, of each channel's fast level and spread (point deviations). */
  readonly levelHalfLife: number;
  /** Half-life of the slow reference the short-term mean is held against (shifts, drifts). */
  readonly slowHalfLife: number;
  /** Half-life of the short-term mean of deviations (sustained shifts) and of the noise level. */
  readonly shortHalfLife: number;
  /** Learning rate factor while a reading is flagged: a lasting change is accepted, slowly. */
  readonly flaggedLearnWeight: number;
  /** After this many consecutive flagged readings a sensor learns at full speed again: a new normal. */
  readonly acceptAfterReadings: number;
  /**
   * …or once its flags have gone on this long in data time (pauses shorter than
   * episodeQuietReadings do not end them): a sensor read every 5 minutes needs over six days for
   * 1800 readings, blind all that while to the next change. A change that has held for a whole day
   * (the daily profile's cycle) is a new normal at any reading rate.
   */
  readonly acceptAfterMs: number;
  /** Bins of the per-channel daily profile; 0 disables it. */
  readonly profileBins: number;
  readonly calibration: CalibrationOptions;
  readonly forest: ForestTrainingOptions;
  /** Rows kept per device type for retraining (recent, unflagged). */
  readonly retrainRows: number;
  /** A type retrains once this much data time has passed and this many rows arrived since its last training. */
  readonly retrainEveryMs: number;
  readonly retrainMinRows: number;
  /**
   * Readings without a flag that close an anomaly episode (and re-arm its alert): flags of one
   * fault come in bursts with gaps, and each new alert for the same fault is noise to an operator.
   */
  readonly episodeQuietReadings: number;
  /** Half-life, in readings, of the evidence behind failure_probability. */
  readonly evidenceHalfLife: number;
  /** Evidence at which failure_probability reaches 1 − 1/e above its floor. */
  readonly evidenceScale: number;
}

export const DEFAULT_CALIBRATION_OPTIONS: CalibrationOptions = Object.freeze({
  // SKAB's own baselines set their control limit at the 0.999 quantile of training residuals × 4/3.
  quantile: 0.999,
  margin: 4 / 3,
});

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = Object.freeze({
  baselineWarmup: 60,
  warmupStagger: 30,
  warmupScreen: DEFAULT_WARMUP_SCREEN_OPTIONS,
  modelWarmupRows: 2048,
  levelHalfLife: 100,
  slowHalfLife: 1000,
  shortHalfLife: 5,
  flaggedLearnWeight: 0.1,
  acceptAfterReadings: 1800,
  acceptAfterMs: 86_400_000,
  profileBins: 24,
  calibration: DEFAULT_CALIBRATION_OPTIONS,
  // 25 trees of ψ = 256: the forest is the largest per-reading cost (bench/detector.ts), and 25
  // scored the benchmarks as 50 did; the calibrated threshold absorbs the extra score variance.
  forest: Object.freeze({ ...DEFAULT_FOREST_TRAINING_OPTIONS, trees: 25 }),
  retrainRows: 4096,
  retrainEveryMs: 15 * 60_000,
  retrainMinRows: 2048,
  episodeQuietReadings: 24,
  evidenceHalfLife: 30,
  evidenceScale: 20,
});

/** Per-reading EW weight for a half-life in readings. */
export function rateOf(halfLife: number): number {
  return 1 - 0.5 ** (1 / Math.max(halfLife, 1e-9));
}
