/**
 * What the detector remembers about one channel of one sensor: a handful of numbers, no history.
 * Two baselines at two speeds: a fast level (with its spread) that point deviations are measured
 * against, and a slow reference that the short-term mean is compared with, so a drift or a shift
 * that creeps in too slowly for the fast level still stands out. `observe` turns a raw value into
 * scale-free features against the baselines as they stood before it arrived; `learn` then moves
 * them by Huber-clipped steps, so one outlier cannot drag them, and while the reading is flagged by
 * a fraction of a step, so an anomaly does not become normal (a lasting change still does, slowly).
 */
import type { DailyProfile } from './daily-profile.ts';
import { initialBaseline } from './warmup-stats.ts';

/** σ for a Gaussian is 1.2533 × the mean absolute deviation. */
const ABS_TO_SIGMA = 1.2533;
/** Mean |difference| of a Gaussian with σ_d is 0.7979 σ_d. */
const ABS_DIFF_MEAN = 0.7979;
/** Huber clip, in spreads. */
const CLIP = 3;
const Z_LIMIT = 1e6;

/** Feature values of the last `observe`, read by the caller before the next one. */
export interface ChannelObservation {
  z: number;
  zs: number;
  dz: number;
  vol: number;
  stuck: number;
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
}

export class ChannelState {
  level = 0;
  spread = 0;
  /** Slow reference and the σ of the short-term mean's distance from it in normal operation. */
  ref = 0;
  refSpread = 0;
  diffSpread = 0;
  repeatRate = 0;
  /** Warm-up median: the learned nominal value the rule bands are relative to. */
  nominal = 0;
  /**
   * Spreads may shrink to a quarter of their warm-up value, no further. A clipped running scale
   * is robust but collapses on a signal that is almost always flat with rare spikes (most
   * residuals 0, the rest clipped): its deviations would then grow without bound while nothing
   * about the signal changed, and thresholds calibrated at warm-up would no longer mean anything.
   */
  private spreadFloor = 0;
  private diffFloor = 0;
  /** Short-term mean of the distance from the slow reference (or from the daily profile). */
  private drift = 0;
  private noise = 0;
  private last = 0;
  private run = 0;
  profile: DailyProfile | null = null;
  /** The sensor's reading count when this channel last had a value: spots missing channels. */
  seenAt = 0;
  /** Daily-profile offset applied to the last observed value (0 without a trusted profile). */
  private offset = 0;

  constructor(readonly slot: number) {}

  /** Starts the baselines from warm-up values (in arrival order). */
  start(values: readonly number[], rates: ChannelRates): void {
    const b = initialBaseline(values, rates.short);
    this.level = b.median;
    this.ref = b.median;
    this.nominal = b.median;
    this.spread = floorSpread(b.spread, b.median);
    this.refSpread = Math.max(b.wander, rates.shortNorm * this.spread);
    this.diffSpread = floorSpread(b.diffSpread, b.median);
    this.spreadFloor = 0.25 * this.spread;
    this.diffFloor = 0.25 * this.diffSpread;
    this.repeatRate = b.repeatRate;
    this.noise = ABS_DIFF_MEAN * this.diffSpread;
    this.drift = 0;
    // Warm-up values are replayed through `observe` next, so the first difference is against the first value.
    this.last = values[0] ?? b.median;
    this.run = 0;
  }

  /** Features of `raw` at time `ms`; the baselines are not changed. */
  observe(raw: number, ms: number, rates: ChannelRates, out: ChannelObservation): void {
    const p = this.profile;
    let offset = 0;
    if (p !== null) {
      // Always positions the profile at `ms`: `learn` teaches it this reading even before it is trusted.
      const o = p.offsetAt(ms);
      if (p.active) offset = o;
    }
    const x = raw - offset;
    this.offset = offset;
    this.drift += rates.short * (x - this.ref - this.drift);
    const d = x - this.last;
    // Clipped at twice the baseline clip: a burst of noise still shows, a single spike barely does.
    const ad = Math.abs(d);
    const adBound = 2 * CLIP * this.diffSpread;
    this.noise += rates.short * ((ad < adBound ? ad : adBound) - this.noise);
    this.run = d === 0 ? this.run + 1 : 0;
    out.z = clamp((x - this.level) / this.spread);
    out.zs = clamp(this.drift / this.refSpread);
    out.dz = clamp(d / this.diffSpread);
    out.vol = Math.log2(Math.max(this.noise / (ABS_DIFF_MEAN * this.diffSpread), 1 / 16));
    out.stuck = this.run * -Math.log10(Math.min(Math.max(this.repeatRate, 0.01), 0.999));
    out.expected = this.level + offset;
  }

  /**
   * Moves the baselines towards `raw`, the value just observed (so the profile's time-of-day
   * position from `observe` still holds); `weight` 1 = normal, less when flagged.
   */
  learn(raw: number, weight: number, rates: ChannelRates): void {
    const p = this.profile;
    const x = p?.active ? raw - p.currentOffset() : raw;
    const a = rates.level * weight;
    const r = x - this.level;
    const bound = CLIP * this.spread;
    this.level += a * clip(r, bound);
    const spread = this.spread + a * (ABS_TO_SIGMA * Math.min(Math.abs(r), bound) - this.spread);
    this.spread = floorSpread(spread > this.spreadFloor ? spread : this.spreadFloor, x);
    const d = Math.abs(x - this.last);
    const dBound = CLIP * this.diffSpread;
    const diffSpread = this.diffSpread + a * (ABS_TO_SIGMA * Math.min(d, dBound) - this.diffSpread);
    this.diffSpread = floorSpread(diffSpread > this.diffFloor ? diffSpread : this.diffFloor, x);
    this.repeatRate += a * ((this.run > 0 ? 1 : 0) - this.repeatRate);
    const s = rates.slow * weight;
    this.ref += s * clip(x - this.ref, CLIP * Math.max(this.spread, this.refSpread));
    const floor = rates.shortNorm * this.spread;
    const dBoundRef = CLIP * this.refSpread;
    const wander = ABS_TO_SIGMA * Math.min(Math.abs(this.drift), dBoundRef);
    this.refSpread = Math.max(floor, this.refSpread + s * (wander - this.refSpread));
    this.last = x;
    if (p?.learn(raw, weight)) this.restartOnProfile(raw, p, rates);
  }

  /**
   * The daily profile just became trusted: the baselines, learned on values that still carried the
   * daily swing, restart on deseasonalized values from the profile's own estimates.
   */
  private restartOnProfile(raw: number, p: DailyProfile, rates: ChannelRates): void {
    this.level = p.dayLevel;
    this.ref = p.dayLevel;
    this.nominal = p.dayLevel;
    this.spread = floorSpread(ABS_TO_SIGMA * p.residualSpread, p.dayLevel);
    this.spreadFloor = 0.25 * this.spread;
    this.refSpread = Math.max(
      rates.shortNorm * this.spread,
      this.refSpread * (p.residualSpread / p.rawSpread),
    );
    this.drift = 0;
    this.last = raw - p.currentOffset();
  }

  /** The nominal value at the time of the last observed value: busy hours have their own normal. */
  get nominalNow(): number {
    return this.nominal + this.offset;
  }

  /** The value before the one just observed, e.g. what a stuck channel repeats. */
  get previous(): number {
    return this.last;
  }

  get repeats(): number {
    return this.run;
  }
}

function clip(v: number, bound: number): number {
  return v > bound ? bound : v < -bound ? -bound : v;
}

function clamp(z: number): number {
  return z > Z_LIMIT ? Z_LIMIT : z < -Z_LIMIT ? -Z_LIMIT : z;
}

/** A spread never reaches 0: a perfectly constant channel still gets a finite, tiny scale. */
function floorSpread(spread: number, level: number): number {
  const floor = 1e-9 * (1 + Math.abs(level));
  return spread > floor ? spread : floor;
}
