/**
 * The shape of one channel's state (channel-state.ts): what `observe` reports, the learning rates
 * it is given, and where each remembered number sits in the sensor's Float64Array.
 */

/** Feature values of the last `observe`, read by the caller before the next one. */
export interface ChannelObservation {
  z: number;
  zs: number;
  dz: number;
  vol: number;
  stuck: number;
  /** The short-term mean's distance from the slow reference (raw units), and that reference. */
  drift: number;
  reference: number;
  /** The expected value the deviation was measured against, for reasons. */
  expected: number;
}

export interface ChannelRates {
  /** EW weight per reading of the fast level, spreads and repeat rate. */
  readonly level: number;
  /** EW weight of the slow reference and of its spread. */
  readonly slow: number;
  /** EW weight of the short-term mean and noise level. */
  readonly short: number;
  /** sqrt(a / (2 − a)): σ of a short-term mean of white noise, the least its spread can be. */
  readonly shortNorm: number;
  /**
   * Whether the wander is learned regardless of flags until it has settled: true when warm-ups
   * are too short (under a quarter of the slow half-life) to have shown it.
   */
  readonly settleUnflagged: boolean;
}

/** Numbers kept per channel, as offsets into the sensor's Float64Array. */
export const LEVEL = 0;
export const SPREAD = 1;
export const REF = 2;
export const REF_SPREAD = 3;
export const DIFF_SPREAD = 4;
export const REPEAT_RATE = 5;
export const NOMINAL = 6;
export const SPREAD_FLOOR = 7;
export const DIFF_FLOOR = 8;
export const DRIFT = 9;
export const NOISE = 10;
export const LAST = 11;
export const RUN = 12;
export const SEEN_AT = 13;
export const OFFSET = 14;
export const COUNT = 15;
/** The drift the last sustained statistic measured: the raw drift, or what is left of it net of the fleet's. */
export const TESTED_DRIFT = 16;
/** Doubles per channel in a sensor's state array. */
export const CHANNEL_STRIDE = 17;
