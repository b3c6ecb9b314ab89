/**
 * A sensor's warm-up readings until its baseline starts: time, seq and channel count per reading,
 * then its (slot, value) pairs, flat, in typed arrays. A fleet that starts together holds one of
 * these per sensor at once, so the layout matters: plain number arrays cost 16 bytes a pair (a
 * tagged slot and a double) plus growth slack, about 10 KB a sensor over a one-minute warm-up;
 * here a pair is 10 bytes (slot, screen flag, value). The arrays start at a few readings and double up to the warm-up length
 * (then on by doubling, for a staggered exit): a fleet only a few readings into its warm-up holds
 * a few readings' worth, not a whole warm-up's (5 KB a sensor, 500 MB at 100,000 sensors).
 * A pair the warm-up screen judged grossly abnormal is marked (`screened`): it stays in the
 * buffer, for the reading's time and seq, but not in the starting baseline.
 */

/** Pairs reserved per reading at first: the eight core metrics. */
const PAIRS_PER_READING = 8;
/** Readings reserved at first. */
const FIRST_READINGS = 8;

export class WarmupBuffer {
  ms: Float64Array;
  seq: Float64Array;
  counts: Uint8Array;
  slots: Uint8Array;
  values: Float64Array;
  /** 1 for a pair the warm-up screen flagged. */
  screened: Uint8Array;
  /** Readings and (slot, value) pairs held. */
  readings = 0;
  pairs = 0;

  /** The warm-up length: growth doubles up to it, not past it. */
  private readonly target: number;

  constructor(capacity: number) {
    this.target = Math.max(1, capacity);
    const n = Math.min(this.target, FIRST_READINGS);
    this.ms = new Float64Array(n);
    this.seq = new Float64Array(n);
    this.counts = new Uint8Array(n);
    this.slots = new Uint8Array(n * PAIRS_PER_READING);
    this.values = new Float64Array(n * PAIRS_PER_READING);
    this.screened = new Uint8Array(n * PAIRS_PER_READING);
  }

  /** Appends one reading's `count` channels (slots < 256), with the screen's flags if any. */
  push(
    ms: number,
    seq: number,
    count: number,
    slots: ArrayLike<number>,
    values: ArrayLike<number>,
    screened?: ArrayLike<number>,
  ): void {
    if (this.readings === this.ms.length) {
      const size =
        this.ms.length < this.target ? Math.min(2 * this.ms.length, this.target) : 2 * this.ms.length;
      this.ms = grow(this.ms, size);
      this.seq = grow(this.seq, this.ms.length);
      this.counts = grow(this.counts, this.ms.length);
    }
    if (this.pairs + count > this.values.length) {
      const doubled = 2 * this.values.length;
      const full = this.target * PAIRS_PER_READING;
      const size = Math.max(
        this.values.length < full ? Math.min(doubled, full) : doubled,
        this.pairs + count,
      );
      this.slots = grow(this.slots, size);
      this.values = grow(this.values, size);
      this.screened = grow(this.screened, size);
    }
    const r = this.readings++;
    this.ms[r] = ms;
    this.seq[r] = seq;
    this.counts[r] = count;
    for (let i = 0; i < count; i++, this.pairs++) {
      this.slots[this.pairs] = slots[i] as number;
      this.values[this.pairs] = values[i] as number;
      this.screened[this.pairs] = screened === undefined ? 0 : (screened[i] as number);
    }
  }
}

function grow<T extends Float64Array | Uint8Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}
