/**
 * What the detector remembers about one channel of one sensor: a handful of numbers, no history.
 * Two baselines at two speeds: a fast level (with its spread) that point deviations are measured
 * against, and a slow reference that the short-term mean is compared with, so a drift or a shift
 * that creeps in too slowly for the fast level still stands out. `observe` turns a raw value into
 * scale-free features against the baselines as they stood before it arrived; `learn` then moves
 * them by Huber-clipped steps, so one outlier cannot drag them, and while the reading is flagged by
 * a fraction of a step, so an anomaly does not become normal (a lasting change still does, slowly).
 */
import {
  type ChannelObservation,
  type ChannelRates,
  COUNT,
  DIFF_FLOOR,
  DIFF_SPREAD,
  DRIFT,
  LAST,
  LEVEL,
  NOISE,
  NOMINAL,
  OFFSET,
  REF,
  REF_SPREAD,
  REPEAT_RATE,
  RUN,
  SEEN_AT,
  SPREAD,
  SPREAD_FLOOR,
  TESTED_DRIFT,
} from './channel-layout.ts';
import type { DailyProfile } from './daily-profile.ts';
import { initialBaseline } from './warmup-stats.ts';

/** σ for a Gaussian is 1.2533 × the mean absolute deviation. */
const ABS_TO_SIGMA = 1.2533;
/** Mean |difference| of a Gaussian with σ_d is 0.7979 σ_d. */
const ABS_DIFF_MEAN = 0.7979;
/** Huber clip, in spreads. */
const CLIP = 3;
const Z_LIMIT = 1e6;

/**
 * One channel's view of its sensor's state array. The numbers live in one Float64Array per sensor
 * rather than in object fields: V8 boxes every double field of an object (about 24 bytes each), and
 * a 100,000-sensor fleet then spends gigabytes on boxes; a typed array holds 8 bytes a number,
 * next to each other in memory.
 *
 * The numbers: fast level and spread, slow reference and the spread of the short-term mean around
 * it, spread of first differences, repeat rate, nominal (warm-up median), floors under the
 * spreads (their warm-up value: the thresholds were calibrated on deviations in that scale, and a
 * clipped running scale collapses on a signal that is almost always flat with rare spikes, which
 * would turn every spike into a larger "anomaly" the longer the signal stays calm), the short-term mean of the distance from the reference, the noise level,
 * the last value, the run of exact repeats, when the channel was last seen, and the daily offset
 * applied to the last value.
 */
export class ChannelState {
  profile: DailyProfile | null = null;
  private unsure = 1;

  constructor(
    readonly slot: number,
    private s: Float64Array,
    private readonly b: number,
  ) {}

  /** Points the view at a new (larger) state array holding the same numbers. */
  rebind(state: Float64Array): void {
    this.s = state;
  }

  /** Starts the baselines from warm-up values (in arrival order). */
  start(values: readonly number[], rates: ChannelRates): void {
    const s = this.s;
    const b = this.b;
    const init = initialBaseline(values, rates.short);
    // A signal shown to a resolution q cannot be known to vary less than rounding does (σ q/√12;
    // a difference of two roundings q/√6): a channel flat through its warm-up is not infinitely calm.
    const q = init.resolution;
    const spread = floorSpread(Math.max(init.spread, q / Math.sqrt(12)), init.median);
    const diffSpread = floorSpread(Math.max(init.diffSpread, q / Math.sqrt(6)), init.median);
    s[b + LEVEL] = init.median;
    s[b + REF] = init.median;
    s[b + NOMINAL] = init.median;
    s[b + SPREAD] = spread;
    s[b + REF_SPREAD] = Math.max(init.wander, rates.shortNorm * spread);
    s[b + DIFF_SPREAD] = diffSpread;
    s[b + SPREAD_FLOOR] = spread;
    s[b + DIFF_FLOOR] = diffSpread;
    s[b + REPEAT_RATE] = init.repeatRate;
    s[b + NOISE] = ABS_DIFF_MEAN * diffSpread;
    s[b + DRIFT] = 0;
    s[b + TESTED_DRIFT] = 0;
    // Warm-up values are replayed through `observe` next, so the first difference is against the first value.
    s[b + LAST] = values[0] ?? init.median;
    s[b + RUN] = 0;
    s[b + OFFSET] = 0;
    s[b + COUNT] = values.length;
  }

  /** Features of `raw` at time `ms`; the baselines are not changed. */
  observe(raw: number, ms: number, rates: ChannelRates, out: ChannelObservation): void {
    const s = this.s;
    const b = this.b;
    const p = this.profile;
    let offset = 0;
    if (p !== null) {
      // Always positions the profile at `ms`: `learn` teaches it this reading even before it is trusted.
      const o = p.offsetAt(ms);
      if (p.active) offset = o;
    }
    const x = p?.active ? p.deseasonalize(raw) : raw;
    s[b + OFFSET] = offset;
    const spread = s[b + SPREAD] as number;
    // Clipped at twice the baseline clip, like the noise level: a lasting shift still moves the
    // short-term mean, a single spike (a daily cron job's) cannot make it look like one.
    const fromReference = clip(x - (s[b + REF] as number), 2 * CLIP * spread);
    const drift = (s[b + DRIFT] as number) + rates.short * (fromReference - (s[b + DRIFT] as number));
    s[b + DRIFT] = drift;
    s[b + TESTED_DRIFT] = drift;
    const d = x - (s[b + LAST] as number);
    const diffSpread = s[b + DIFF_SPREAD] as number;
    // Clipped at twice the baseline clip: a burst of noise still shows, a single spike barely does.
    const ad = Math.abs(d);
    const adBound = 2 * CLIP * diffSpread;
    const noise =
      (s[b + NOISE] as number) + rates.short * ((ad < adBound ? ad : adBound) - (s[b + NOISE] as number));
    s[b + NOISE] = noise;
    const run = d === 0 ? (s[b + RUN] as number) + 1 : 0;
    s[b + RUN] = run;
    const level = s[b + LEVEL] as number;
    // Settling after a short warm-up, the wander seen over n readings understates the wander over
    // the reference's horizon 1/slow; a level that wanders like a random walk within its correlation
    // time spreads by up to sqrt(horizon / n) more, so the sustained statistic is scaled down by that.
    const n = s[b + COUNT] as number;
    const unsure = rates.settleUnflagged && n * rates.slow < 1 ? Math.sqrt(1 / (n * rates.slow)) : 1;
    this.unsure = unsure;
    // A point deviates only if it is far from both the fast level and the slow reference: a value
    // back near the reference after an excursion the fast level partly followed is the end of an
    // anomaly, not a new one; between the two it deviates from neither.
    const fromLevel = (x - level) / spread;
    const fromRef = (x - (s[b + REF] as number)) / spread;
    out.z = clamp(
      fromLevel > 0 ? Math.max(0, Math.min(fromLevel, fromRef)) : Math.min(0, Math.max(fromLevel, fromRef)),
    );
    out.zs = clamp(drift / ((s[b + REF_SPREAD] as number) * unsure));
    out.drift = drift;
    out.reference = s[b + REF] as number;
    out.dz = clamp(d / diffSpread);
    out.vol = Math.log2(Math.max(noise / (ABS_DIFF_MEAN * diffSpread), 1 / 16));
    const repeat = s[b + REPEAT_RATE] as number;
    out.stuck = run * -Math.log10(repeat < 0.01 ? 0.01 : repeat > 0.999 ? 0.999 : repeat);
    out.expected = level + offset;
  }

  /**
   * Moves the baselines towards `raw`, the value just observed (so the profile's time-of-day
   * position from `observe` still holds); `weight` 1 = normal, less when flagged.
   */
  learn(raw: number, weight: number, rates: ChannelRates, levelMove = 0, referenceMove = 0): void {
    const s = this.s;
    const b = this.b;
    const p = this.profile;
    const x = p?.active ? p.deseasonalize(raw) : raw;
    // Until a spread has seen as many readings as its half-life implies, it is learned as a running
    // mean (weight 1/n): a one-minute warm-up cannot show how far a signal wanders over twenty, and
    // an EW estimate started from it would take hours to find out, flagging all the while. Levels
    // keep their own pace: the warm-up median places them well, and a fast level would follow a drift.
    const n = (s[b + COUNT] as number) + 1;
    s[b + COUNT] = n;
    const settle = 1 / n;
    const a = rates.level * weight;
    const as = (rates.level > settle ? rates.level : settle) * weight;
    const level = s[b + LEVEL] as number;
    const spread = s[b + SPREAD] as number;
    const r = x - level;
    const bound = CLIP * spread;
    // Peers' moves are relative to their references: a change of load scales every machine alike.
    const scale = Math.abs(s[b + REF] as number);
    s[b + LEVEL] = level + a * clip(r, bound) + (1 - weight) * levelMove * scale;
    const nextSpread = spread + as * (ABS_TO_SIGMA * Math.min(Math.abs(r), bound) - spread);
    const spreadFloor = s[b + SPREAD_FLOOR] as number;
    const newSpread = floorSpread(nextSpread > spreadFloor ? nextSpread : spreadFloor, x);
    s[b + SPREAD] = newSpread;
    const diffSpread = s[b + DIFF_SPREAD] as number;
    const d = Math.abs(x - (s[b + LAST] as number));
    const dBound = CLIP * diffSpread;
    const nextDiff = diffSpread + as * (ABS_TO_SIGMA * Math.min(d, dBound) - diffSpread);
    const diffFloor = s[b + DIFF_FLOOR] as number;
    s[b + DIFF_SPREAD] = floorSpread(nextDiff > diffFloor ? nextDiff : diffFloor, x);
    const repeat = s[b + REPEAT_RATE] as number;
    s[b + REPEAT_RATE] = repeat + as * (((s[b + RUN] as number) > 0 ? 1 : 0) - repeat);
    // While settling after a short warm-up the reference is not yet where the signal lives: a flag
    // then says more about the reference than about the reading, so it follows at full speed.
    const settling = rates.settleUnflagged && settle > rates.slow;
    const w = rates.slow * (settling ? 1 : weight);
    const ref = s[b + REF] as number;
    const refSpread = s[b + REF_SPREAD] as number;
    s[b + REF] =
      ref +
      w * clip(x - ref, CLIP * Math.max(newSpread, refSpread)) +
      (1 - w / rates.slow) * referenceMove * scale;
    // The wander is learned from the drift the sustained test measured: net of the fleet's, the
    // morning ramp every machine shares does not widen the scale a sensor's own drift is held to.
    const wander = ABS_TO_SIGMA * Math.min(Math.abs(s[b + TESTED_DRIFT] as number), CLIP * refSpread);
    // While settling after a short warm-up, a flag is no reason to stop learning how far the level
    // wanders: the warm-up under-states it, and every flag it causes would otherwise persist.
    const ws = settling ? settle : w;
    s[b + REF_SPREAD] = Math.max(rates.shortNorm * newSpread, refSpread + ws * (wander - refSpread));
    s[b + LAST] = x;
    if (p?.learn(raw, weight)) this.restartOnProfile(raw, p, rates);
  }

  /**
   * The daily profile just became trusted: the baselines, learned on values that still carried the
   * daily swing, restart on deseasonalized values from the profile's own estimates.
   */
  private restartOnProfile(raw: number, p: DailyProfile, rates: ChannelRates): void {
    const s = this.s;
    const b = this.b;
    const spread = floorSpread(ABS_TO_SIGMA * p.residualSpread, p.dayLevel);
    s[b + LEVEL] = p.dayLevel;
    s[b + REF] = p.dayLevel;
    s[b + NOMINAL] = p.dayLevel;
    s[b + SPREAD] = spread;
    s[b + SPREAD_FLOOR] = spread;
    s[b + REF_SPREAD] = Math.max(
      rates.shortNorm * spread,
      (s[b + REF_SPREAD] as number) * (p.residualSpread / p.rawSpread),
    );
    s[b + DRIFT] = 0;
    s[b + TESTED_DRIFT] = 0;
    s[b + LAST] = p.deseasonalize(raw);
  }

  /**
   * The sustained statistic of a drift (raw units) measured some other way, e.g. net of the fleet's,
   * over its wander combined with `peerSpread` (raw units: how far the peers' drifts disagree).
   * The wander is then learned from this drift.
   */
  sustainedZ(drift: number, peerSpread = 0): number {
    this.s[this.b + TESTED_DRIFT] = drift;
    const own = (this.s[this.b + REF_SPREAD] as number) * this.unsure;
    // Not Math.hypot: it guards against overflow these scales never reach, at several times the cost.
    return clamp(drift / Math.sqrt(own * own + peerSpread * peerSpread));
  }

  get level(): number {
    return this.s[this.b + LEVEL] as number;
  }

  get reference(): number {
    return this.s[this.b + REF] as number;
  }

  get spread(): number {
    return this.s[this.b + SPREAD] as number;
  }

  get repeatRate(): number {
    return this.s[this.b + REPEAT_RATE] as number;
  }

  /** The nominal value at the time of the last observed value: busy hours have their own normal. */
  get nominalNow(): number {
    return (this.s[this.b + NOMINAL] as number) + (this.s[this.b + OFFSET] as number);
  }

  /** The value before the one just observed, e.g. what a stuck channel repeats. */
  get previous(): number {
    return this.s[this.b + LAST] as number;
  }

  get repeats(): number {
    return this.s[this.b + RUN] as number;
  }

  /** The sensor's reading count when this channel last had a value: spots missing channels. */
  get seenAt(): number {
    return this.s[this.b + SEEN_AT] as number;
  }

  set seenAt(stamp: number) {
    this.s[this.b + SEEN_AT] = stamp;
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
