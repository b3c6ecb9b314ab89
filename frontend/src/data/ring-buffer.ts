/**
 * A fixed-capacity series of (time, value) pairs in two typed arrays: pushing never allocates, and
 * the oldest point falls out when full, so a chart fed for a week holds the same memory as after a
 * minute.
 */
export class RingBuffer {
  readonly capacity: number;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private start = 0;
  private size = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.capacity = capacity;
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Appends a point; a point older than the newest is ignored (a late or repeated message). */
  push(x: number, y: number): boolean {
    if (this.size > 0 && x <= this.xAt(this.size - 1)) return false;
    const slot = (this.start + this.size) % this.capacity;
    this.xs[slot] = x;
    this.ys[slot] = y;
    if (this.size < this.capacity) this.size += 1;
    else this.start = (this.start + 1) % this.capacity;
    return true;
  }

  /** Time of the i-th point, oldest first. */
  xAt(i: number): number {
    return this.xs[(this.start + i) % this.capacity]!;
  }

  /** Value of the i-th point, oldest first. */
  yAt(i: number): number {
    return this.ys[(this.start + i) % this.capacity]!;
  }

  /** The newest value, or null when empty. */
  last(): number | null {
    return this.size === 0 ? null : this.yAt(this.size - 1);
  }

  /** The value at or just before time `x` (the oldest when `x` precedes every point), or null when empty. */
  valueAt(x: number): number | null {
    if (this.size === 0) return null;
    let lo = 0;
    let hi = this.size - 1;
    if (x < this.xAt(0)) return this.yAt(0);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.xAt(mid) <= x) lo = mid;
      else hi = mid - 1;
    }
    return this.yAt(lo);
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
  }

  /**
   * Writes the points into `out` as `{x, y}` objects, reusing the objects already there (Chart.js
   * keeps the array it was given, so the chart updates in place without garbage per frame).
   */
  copyInto(out: { x: number; y: number }[]): void {
    for (let i = 0; i < this.size; i++) {
      const point = out[i];
      if (point) {
        point.x = this.xAt(i);
        point.y = this.yAt(i);
      } else out.push({ x: this.xAt(i), y: this.yAt(i) });
    }
    out.length = this.size;
  }
}
