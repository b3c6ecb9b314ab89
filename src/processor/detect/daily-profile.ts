/**
 * A channel's daily pattern: its typical offset from its daily level by time of day (UTC), as a
 * mean per bin, and its typical noise then (mean |residual| per bin). Read either as steps (the
 * bin's own mean: right for a shift that starts on the hour) or interpolated between bin centres
 * (right for a smooth curve), whichever has fitted the channel better. Once the pattern clearly
 * explains the signal (residuals under 70% of the raw spread) and has come back (every hour seen
 * on two days), the channel works on deseasonalized values (value − offset, its distance from the
 * day level rescaled by that hour's noise over the day's): the busy-hours ramp and their wider
 * swings are then no anomaly, and a missing ramp or a quiet hour's unusual bump is. Learned from
 * the warm-up at once when that spans a day, otherwise online; only readings the detector accepts
 * teach it.
 */
import { median } from 'simple-statistics';

const DAY_MS = 86_400_000;
/** The profile is used once residuals are this much tighter than raw deviations. */
const EXPLAINS = 0.7;

export class DailyProfile {
  readonly offset: Float32Array;
  /** Mean |residual| per bin: busy hours are noisier as well as higher. */
  readonly scale: Float32Array;
  readonly count: Float32Array;
  /** Mean of the bins' scales (0 until one is known). */
  meanScale = 0;
  /** Daily mean level (EW over about a day; NaN until a first value); mean |deviation| raw, as steps, interpolated. */
  dayLevel = Number.NaN;
  rawSpread = 0;
  stepSpread = 0;
  linearSpread = 0;
  compared = 0;
  active = false;
  /** Position of the last `offsetAt`: containing bin, and the interpolation pair and weight. */
  private bin = 0;
  private b0 = 0;
  private b1 = 0;
  private t = 0;

  constructor(
    readonly bins: number,
    /** Readings one bin receives in a day; sets readiness, rates and the memory cap. */
    readonly perBinPerDay: number,
  ) {
    this.offset = new Float32Array(bins);
    this.scale = new Float32Array(bins);
    this.count = new Float32Array(bins);
  }

  get interpolated(): boolean {
    return this.linearSpread < this.stepSpread;
  }

  /** The offset at `ms` (0 while the bins involved have seen too little); remembers the position. */
  offsetAt(ms: number): number {
    const day = ((((ms % DAY_MS) + DAY_MS) % DAY_MS) / DAY_MS) * this.bins;
    this.bin = Math.min(this.bins - 1, Math.floor(day));
    const pos = day - 0.5;
    const floor = Math.floor(pos);
    this.t = pos - floor;
    this.b0 = (floor + this.bins) % this.bins;
    this.b1 = (this.b0 + 1) % this.bins;
    return this.currentOffset();
  }

  /** The offset at the position of the last `offsetAt` call. */
  currentOffset(): number {
    return this.interpolated ? this.linear() : this.step();
  }

  /**
   * `raw` at the position of the last `offsetAt` call with the day taken out: less the offset,
   * and its distance from the day level rescaled from this hour's noise to the day's average (a
   * busy hour's wider swings are not a deviation; a quiet hour's small ones can be).
   */
  deseasonalize(raw: number): number {
    const residual = raw - this.currentOffset() - this.dayLevel;
    return this.dayLevel + residual / this.noiseFactor();
  }

  /** This hour's mean |residual| over the day's, within [1/4, 4]; 1 while unknown. */
  private noiseFactor(): number {
    if (!(this.meanScale > 0)) return 1;
    const here = this.interpolated ? this.between(this.scale) : this.at(this.scale);
    if (!(here > 0)) return 1;
    const f = here / this.meanScale;
    return f < 0.25 ? 0.25 : f > 4 ? 4 : f;
  }

  /**
   * Learns `x` at the position of the last `offsetAt` call. Returns true when this made the
   * profile active, so the channel can restart its baselines on deseasonalized values.
   */
  learn(x: number, weight: number): boolean {
    const rate = weight / (this.perBinPerDay * this.bins);
    // Started from the first value: from 0, the level would take a day to arrive, and every offset
    // learned meanwhile would hold the distance it still had to go.
    if (Number.isNaN(this.dayLevel)) this.dayLevel = x;
    const deviation = x - this.dayLevel;
    // Bounded by a generous multiple of the raw spread: one wild value cannot bend the day.
    const bounded = this.rawSpread > 0 ? clamp(deviation, 6 * this.rawSpread) : deviation;
    // The level follows deseasonalized values: following raw ones, it would ripple with the day
    // and the ripple would leak into every offset.
    this.dayLevel += rate * (bounded - this.currentOffset());
    this.rawSpread += rate * (Math.abs(bounded) - this.rawSpread);
    if (this.ready(this.bin) && this.ready(this.b0) && this.ready(this.b1)) {
      this.stepSpread += rate * (Math.abs(bounded - this.step()) - this.stepSpread);
      this.linearSpread += rate * (Math.abs(bounded - this.linear()) - this.linearSpread);
      this.compared += weight;
    }
    if (weight > 0) {
      const count = Math.min((this.count[this.bin] as number) + weight, 7 * this.perBinPerDay);
      this.count[this.bin] = count;
      const offset = this.offset[this.bin] as number;
      const scale = this.scale[this.bin] as number;
      const next = scale + (weight / count) * (Math.abs(bounded - offset) - scale);
      this.scale[this.bin] = next;
      this.meanScale += (next - scale) / this.bins;
      this.offset[this.bin] = offset + (weight / count) * (bounded - offset);
    }
    // Half a day of comparison before deciding; once trusted, it stays so.
    if (this.active || this.compared < 0.5 * this.perBinPerDay * this.bins || !this.repeated()) return false;
    this.active = this.residualSpread < EXPLAINS * this.rawSpread;
    return this.active;
  }

  /** Mean |residual| of the better reading of the profile. */
  get residualSpread(): number {
    return Math.min(this.stepSpread, this.linearSpread);
  }

  /** Learns a whole warm-up at once (robust medians per bin); true if the profile is then active. */
  learnWarmup(values: readonly number[], times: readonly number[]): boolean {
    const byBin: number[][] = Array.from({ length: this.bins }, () => []);
    values.forEach((x, i) => {
      this.offsetAt(times[i] as number);
      (byBin[this.bin] as number[]).push(x);
    });
    byBin.forEach((list, b) => {
      this.count[b] = list.length;
    });
    const complete = byBin.every((_, b) => this.ready(b));
    // The day's level is the mean of the bins' medians, so offsets average to 0 over a day, as the
    // online update (an EW mean over about a day) keeps them. A warm-up shorter than a day has no
    // such mean: its median stands in, and the bins it did see start from their own medians.
    const medians = byBin.map((list) => (list.length > 0 ? median(list) : Number.NaN));
    const level = complete ? medians.reduce((a, b) => a + b, 0) / this.bins : median(values as number[]);
    medians.forEach((m, b) => {
      this.offset[b] = Number.isNaN(m) ? 0 : m - level;
    });
    this.dayLevel = level;
    let total = 0;
    byBin.forEach((list, b) => {
      const o = this.offset[b] as number;
      const s = list.length > 0 ? list.reduce((sum, x) => sum + Math.abs(x - level - o), 0) / list.length : 0;
      this.scale[b] = s;
      total += s;
    });
    this.meanScale = total / this.bins;
    let raw = 0;
    let step = 0;
    let linear = 0;
    values.forEach((x, i) => {
      this.offsetAt(times[i] as number);
      raw += Math.abs(x - level);
      step += Math.abs(x - level - this.step());
      linear += Math.abs(x - level - this.linear());
    });
    this.rawSpread = raw / values.length;
    this.stepSpread = step / values.length;
    this.linearSpread = linear / values.length;
    this.compared = complete ? values.length : 0;
    this.active = complete && this.repeated() && this.residualSpread < EXPLAINS * this.rawSpread;
    return this.active;
  }

  private step(): number {
    return this.at(this.offset);
  }

  private linear(): number {
    return this.between(this.offset);
  }

  /** A per-bin number in the current bin, or 0 while that bin has seen too little. */
  private at(values: Float32Array): number {
    return this.ready(this.bin) ? (values[this.bin] as number) : 0;
  }

  /** A per-bin number interpolated between bin centres, or 0 while either bin has seen too little. */
  private between(values: Float32Array): number {
    if (!this.ready(this.b0) || !this.ready(this.b1)) return 0;
    return (values[this.b0] as number) * (1 - this.t) + (values[this.b1] as number) * this.t;
  }

  /**
   * Every hour seen on two days at least: a pattern is what comes back. From one day, a one-off
   * (a restart's transient, a busy morning) would become every day's expectation.
   */
  private repeated(): boolean {
    for (let b = 0; b < this.bins; b++) if ((this.count[b] as number) < 1.5 * this.perBinPerDay) return false;
    return true;
  }

  private ready(bin: number): boolean {
    return (this.count[bin] as number) >= 0.5 * this.perBinPerDay;
  }
}

function clamp(v: number, bound: number): number {
  return v > bound ? bound : v < -bound ? -bound : v;
}
