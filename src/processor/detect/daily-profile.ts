/**
 * A channel's daily pattern: the typical offset from its daily level by time of day (UTC), in
 * bins read with linear interpolation between bin centres. Once the pattern clearly explains the
 * signal (residual spread under 70% of the raw spread), the channel works on deseasonalized values
 * (value − offset), so the busy-hours ramp is not an anomaly and a missing ramp is. Learned from a
 * warm-up at once when the warm-up spans a day, otherwise online; only accepted readings teach it.
 */
import { median } from 'simple-statistics';

const DAY_MS = 86_400_000;
/** The profile is used once residuals are this much tighter than raw deviations. */
const EXPLAINS = 0.7;

export class DailyProfile {
  readonly offset: Float32Array;
  readonly count: Float32Array;
  /** Daily mean level (EW over about a day) and spreads of raw and profile residuals. */
  dayLevel = 0;
  rawSpread = 0;
  residualSpread = 0;
  compared = 0;
  active = false;
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

  /** The offset at `ms` (0 while either neighbouring bin has seen too little); remembers the position. */
  offsetAt(ms: number): number {
    const pos = ((((ms % DAY_MS) + DAY_MS) % DAY_MS) / DAY_MS) * this.bins - 0.5;
    const floor = Math.floor(pos);
    this.t = pos - floor;
    this.b0 = (floor + this.bins) % this.bins;
    this.b1 = (this.b0 + 1) % this.bins;
    return this.currentOffset();
  }

  /** The offset at the position of the last `offsetAt` call. */
  currentOffset(): number {
    if (!this.ready(this.b0) || !this.ready(this.b1)) return 0;
    return (this.offset[this.b0] as number) * (1 - this.t) + (this.offset[this.b1] as number) * this.t;
  }

  /**
   * Learns `x` at the time of the last `offsetAt` call. Returns true when this made the profile
   * active, so the channel can restart its baselines on deseasonalized values.
   */
  learn(x: number, weight: number): boolean {
    const rate = weight / (this.perBinPerDay * this.bins);
    const deviation = x - this.dayLevel;
    // Bounded by a generous multiple of the raw spread: one wild value cannot bend the day.
    const bounded = this.rawSpread > 0 ? clamp(deviation, 6 * this.rawSpread) : deviation;
    this.dayLevel += rate * bounded;
    this.rawSpread += rate * (Math.abs(bounded) - this.rawSpread);
    const cap = 7 * this.perBinPerDay;
    this.pull(this.b0, bounded, weight * (1 - this.t), cap);
    this.pull(this.b1, bounded, weight * this.t, cap);
    if (this.active || !this.ready(this.b0) || !this.ready(this.b1)) return false;
    const expected = this.currentOffset();
    this.residualSpread += rate * (Math.abs(bounded - expected) - this.residualSpread);
    this.compared += weight;
    // Half a day of comparison before deciding, then the decision stands.
    if (
      this.compared > 0.5 * this.perBinPerDay * this.bins &&
      this.residualSpread < EXPLAINS * this.rawSpread
    ) {
      this.active = true;
      return true;
    }
    return false;
  }

  /** Learns a whole warm-up at once (robust medians per bin); true if the profile is then active. */
  learnWarmup(values: readonly number[], times: readonly number[]): boolean {
    const byBin: number[][] = Array.from({ length: this.bins }, () => []);
    values.forEach((x, i) => {
      const day = ((((times[i] as number) % DAY_MS) + DAY_MS) % DAY_MS) / DAY_MS;
      (byBin[Math.min(this.bins - 1, Math.floor(day * this.bins))] as number[]).push(x);
    });
    byBin.forEach((list, b) => {
      this.count[b] = list.length;
    });
    if (!byBin.every((_, b) => this.ready(b))) return false;
    // The day's level is the mean of the bins' medians, so offsets average to 0 over a day, as the
    // online update (an EW mean over about a day) keeps them.
    const medians = byBin.map((list) => median(list));
    const level = medians.reduce((a, b) => a + b, 0) / this.bins;
    medians.forEach((m, b) => {
      this.offset[b] = m - level;
    });
    this.dayLevel = level;
    let raw = 0;
    let residual = 0;
    values.forEach((x, i) => {
      raw += Math.abs(x - level);
      residual += Math.abs(x - level - this.offsetAt(times[i] as number));
    });
    this.rawSpread = raw / values.length;
    this.residualSpread = residual / values.length;
    this.compared = values.length;
    this.active = this.residualSpread < EXPLAINS * this.rawSpread;
    return this.active;
  }

  private ready(bin: number): boolean {
    return (this.count[bin] as number) >= 0.5 * this.perBinPerDay;
  }

  private pull(bin: number, deviation: number, weight: number, cap: number): void {
    if (weight <= 0) return;
    const count = Math.min((this.count[bin] as number) + weight, cap);
    this.count[bin] = count;
    const offset = this.offset[bin] as number;
    this.offset[bin] = offset + (weight / count) * (deviation - offset);
  }
}

function clamp(v: number, bound: number): number {
  return v > bound ? bound : v < -bound ? -bound : v;
}
