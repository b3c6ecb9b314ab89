/**
 * Judges a sensor's readings while its baseline warms up, when the live tests cannot: a value
 * grossly far from what the warm-up has seen so far (robust z against the median and a robust
 * spread of the unscreened buffered values, floored at their resolution) is flagged, and kept out
 * of the starting baseline, so an overload already in progress does not become the sensor's
 * normal. The estimate is refit every few readings, not per reading: sorting the buffer on every
 * warm-up reading of a 100,000-sensor fleet that starts together would cost more than the rest.
 * The energy meter's rate is not judged: it is a running mean still settling through the warm-up
 * (its values are neither independent nor at their level yet), and an overload shows in power.
 */
import { METRICS } from '../../domain/metric.ts';
import type { WarmupBuffer } from './warmup-buffer.ts';

export interface WarmupScreenOptions {
  /** Readings buffered before the screen may judge (0 turns it off). */
  readonly minReadings: number;
  /** The median and spread are refit every this many readings after that. */
  readonly refitEvery: number;
  /** Robust z (σ-equivalents) at which a value is grossly abnormal. */
  readonly threshold: number;
}

export const DEFAULT_WARMUP_SCREEN_OPTIONS: WarmupScreenOptions = Object.freeze({
  minReadings: 20,
  refitEvery: 10,
  // Normal warm-up readings of the simulator's fleet reach about 11; its faults 17 and more.
  threshold: 12,
});

/** The strongest channel of the last reading judged. */
export interface ScreenFinding {
  ratio: number;
  slot: number;
  /** Signed robust z of that channel and the warm-up median it is measured from. */
  z: number;
  center: number;
}

const M_ENERGY_KWH = METRICS.indexOf('energy_kwh');

/** Scratch shared by every screen (one refit runs at a time): slot group starts, values, deviations. */
let starts = new Int32Array(64);
let grouped = new Float64Array(1024);
let deviations = new Float64Array(1024);

export class WarmupScreen {
  /** Median and spread of each slot's unscreened values at the last refit (NaN: none yet). */
  private center = new Float64Array(0);
  private spread = new Float64Array(0);

  constructor(private readonly options: WarmupScreenOptions) {}

  /**
   * Judges a reading of `count` channels before it is buffered in `warm`: writes 1 into `flags` for
   * each grossly abnormal channel (0 otherwise) and the strongest channel into `out`; returns its
   * z relative to the threshold (≥ 1: flagged). `metricOf` gives each channel's core metric.
   */
  judge(
    warm: WarmupBuffer,
    count: number,
    slots: ArrayLike<number>,
    values: ArrayLike<number>,
    metricOf: ArrayLike<number>,
    flags: Uint8Array,
    out: ScreenFinding,
  ): number {
    flags.fill(0, 0, count);
    const o = this.options;
    const seen = warm.readings;
    out.ratio = 0;
    if (o.minReadings <= 0 || seen < o.minReadings) return 0;
    if ((seen - o.minReadings) % o.refitEvery === 0) this.refit(warm);
    for (let j = 0; j < count; j++) {
      if (metricOf[j] === M_ENERGY_KWH) continue;
      const slot = slots[j] as number;
      const spread = slot < this.spread.length ? (this.spread[slot] as number) : Number.NaN;
      if (!(spread > 0)) continue;
      const z = ((values[j] as number) - (this.center[slot] as number)) / spread;
      const ratio = Math.abs(z) / o.threshold;
      if (ratio >= 1) flags[j] = 1;
      if (ratio > out.ratio) {
        out.ratio = ratio;
        out.slot = slot;
        out.z = z;
        out.center = this.center[slot] as number;
      }
    }
    return out.ratio;
  }

  /** Median and spread of every slot's unscreened buffered values; slots with too few stay NaN. */
  private refit(warm: WarmupBuffer): void {
    let slots = 0;
    for (let p = 0; p < warm.pairs; p++) slots = Math.max(slots, (warm.slots[p] as number) + 1);
    if (this.center.length < slots) {
      this.center = new Float64Array(slots);
      this.spread = new Float64Array(slots);
    }
    // Unscreened values grouped by slot in one pass (a counting sort), each group then sorted.
    if (starts.length < slots + 1) starts = new Int32Array(2 * (slots + 1));
    if (grouped.length < warm.pairs) {
      grouped = new Float64Array(2 * warm.pairs);
      deviations = new Float64Array(2 * warm.pairs);
    }
    starts.fill(0, 0, slots + 1);
    for (let p = 0; p < warm.pairs; p++) {
      if (!warm.isScreened(p)) {
        const at = (warm.slots[p] as number) + 1;
        starts[at] = (starts[at] as number) + 1;
      }
    }
    for (let slot = 0; slot < slots; slot++)
      starts[slot + 1] = (starts[slot + 1] as number) + (starts[slot] as number);
    const next = starts.slice(0, slots);
    for (let p = 0; p < warm.pairs; p++) {
      if (!warm.isScreened(p)) {
        const slot = warm.slots[p] as number;
        const at = next[slot] as number;
        grouped[at] = warm.values[p] as number;
        next[slot] = at + 1;
      }
    }
    for (let slot = 0; slot < slots; slot++) {
      this.spread[slot] = Number.NaN;
      const from = starts[slot] as number;
      const n = (starts[slot + 1] as number) - from;
      if (n < this.options.minReadings) continue;
      this.fit(slot, grouped.subarray(from, from + n).sort());
    }
  }

  /** Median and spread of one slot's sorted values. */
  private fit(slot: number, xs: Float64Array): void {
    const n = xs.length;
    const center = middle(xs);
    let step = Number.POSITIVE_INFINITY;
    for (let i = 1; i < n; i++) {
      const d = (xs[i] as number) - (xs[i - 1] as number);
      if (d > 0 && d < step) step = d;
    }
    // Absolute deviations in ascending order, merged outwards from the median (no second sort).
    let lo = (n - 1) >> 1;
    let hi = lo + 1;
    for (let k = 0; k < n; k++) {
      const below = lo >= 0 ? center - (xs[lo] as number) : Number.POSITIVE_INFINITY;
      const above = hi < n ? (xs[hi] as number) - center : Number.POSITIVE_INFINITY;
      if (below <= above) {
        deviations[k] = below;
        lo--;
      } else {
        deviations[k] = above;
        hi++;
      }
    }
    const ds = deviations.subarray(0, n);
    const mad = 1.4826 * middle(ds);
    // A channel at least half of whose values sit on one step (a flow meter reading 32, 32, 33,
    // 32…) shows its normal range only in its tail, which a short warm-up may not have seen yet:
    // it is not judged. Otherwise as warmup-stats' robustSpread (the scaled MAD, or the 95th
    // percentile of deviations when larger), never below the resolution the values are shown to.
    if (!(mad > (Number.isFinite(step) ? step : 0))) return;
    const spread = Math.max(mad, (ds[Math.ceil(0.95 * n) - 1] as number) / 1.96);
    this.center[slot] = center;
    this.spread[slot] = Math.max(spread, step, 1e-9 * (1 + Math.abs(center)));
  }
}

function middle(xs: Float64Array): number {
  const n = xs.length;
  const h = n >> 1;
  return n % 2 === 1 ? (xs[h] as number) : ((xs[h - 1] as number) + (xs[h] as number)) / 2;
}

/** A screened run of a channel no longer than this is a glitch, left out of the baseline. */
const SHORT_RUN = 3;

/**
 * Per buffered pair, 1 for a value the starting baseline leaves out (null: none): a screened value
 * in a short run (a spike) or in the run still going when warm-up ends (an overload in progress).
 * A longer run the channel came back from stays in: over a warm-up spanning days that is a phase of
 * the daily cycle (low at night, high by day), which a median of a few readings cannot know.
 */
export function leftOutOfBaseline(warm: WarmupBuffer): Uint8Array | null {
  if (!warm.screened.subarray(0, warm.pairs).includes(1)) return null;
  const out = new Uint8Array(warm.pairs);
  const runs = new Map<number, number[]>();
  const close = (run: number[], going: boolean) => {
    if (going || run.length <= SHORT_RUN) for (const p of run) out[p] = 1;
    run.length = 0;
  };
  for (let p = 0; p < warm.pairs; p++) {
    const slot = warm.slots[p] as number;
    let run = runs.get(slot);
    if (run === undefined) {
      run = [];
      runs.set(slot, run);
    }
    if (warm.isScreened(p)) run.push(p);
    else if (run.length > 0) close(run, false);
  }
  for (const run of runs.values()) if (run.length > 0) close(run, true);
  return out;
}
