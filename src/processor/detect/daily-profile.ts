/**
 * A channel's daily pattern: its typical offset from its daily level by time of day (UTC), as a
 * mean per bin. Read either as steps (the bin's own mean: right for a shift that starts on the
 * hour) or interpolated between bin centres (right for a smooth curve), whichever has fitted the
 * channel better. Once the pattern clearly explains the signal (residuals under 70% of the raw
 * spread) the channel works on deseasonalized values (value − offset): the busy-hours ramp is then
 * no anomaly and a missing ramp is. Learned from the warm-up at once when that spans a day,
 * otherwise online; only readings the detector accepts teach it.
 */
import { median } from 'simple-statistics';

const DAY_MS = 86_400_000;
/** The profile is used once residuals are this much tighter than raw deviations. */
const EXPLAINS = 0.7;

export class DailyProfile {
  readonly offset: Float32Array;
  readonly count: Float32Array;
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
      this.offset[this.bin] = offset + (weight / count) * (bounded - offset);
    }
    // Half a day of comparison before deciding; once trusted, it stays so.
    if (this.active || this.compared < 0.5 * this.perBinPerDay * this.bins) return false;
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
    this.active = complete && this.residualSpread < EXPLAINS * this.rawSpread;
    return this.active;
  }

  private step(): number {
    return this.ready(this.bin) ? (this.offset[this.bin] as number) : 0;
  }

  private linear(): number {
    if (!this.ready(this.b0) || !this.ready(this.b1)) return 0;
    return (this.offset[this.b0] as number) * (1 - this.t) + (this.offset[this.b1] as number) * this.t;
  }

  private ready(bin: number): boolean {
    return (this.count[bin] as number) >= 0.5 * this.perBinPerDay;
  }
}

function clamp(v: number, bound: number): number {
  return v > bound ? bound : v < -bound ? -bound : v;
}
