/**
 * The rows a device type's next model trains on: a uniform random sample (reservoir sampling,
 * Vitter's algorithm R) of the rows offered since the last training, at most `capacity`, stored
 * flat so keeping a row copies numbers instead of allocating arrays. Until the sample is full it
 * holds every row in arrival order, so the first model trains on exactly the warm-up window.
 */
import type { Random } from './random.ts';

export class TrainingSample {
  private forest = new Float64Array(0);
  private tests = new Float64Array(0);
  private forestStride = 0;
  private testStride = 0;
  /** Rows held, and rows offered since the last reset. */
  size = 0;
  offered = 0;

  constructor(
    readonly capacity: number,
    private readonly random: Random,
  ) {}

  /** Offers the row pair at the given offsets and widths; it is kept with probability capacity / offered. */
  offer(
    forest: Float64Array,
    forestOffset: number,
    forestWidth: number,
    tests: Float64Array,
    testOffset: number,
    testWidth: number,
  ): void {
    this.offered++;
    let slot = this.size;
    if (slot < this.capacity) this.size++;
    else {
      slot = Math.floor(this.random() * this.offered);
      if (slot >= this.capacity) return;
    }
    if (forestWidth > this.forestStride || testWidth > this.testStride) this.widen(forestWidth, testWidth);
    const f = slot * this.forestStride;
    this.forest.set(forest.subarray(forestOffset, forestOffset + forestWidth), f);
    this.forest.fill(0, f + forestWidth, f + this.forestStride);
    const t = slot * this.testStride;
    this.tests.set(tests.subarray(testOffset, testOffset + testWidth), t);
    this.tests.fill(0, t + testWidth, t + this.testStride);
  }

  /** Copies of the rows held (training runs while new rows keep arriving). */
  snapshot(): { forestRows: Float64Array[]; testRows: Float64Array[] } {
    const forestRows: Float64Array[] = [];
    const testRows: Float64Array[] = [];
    for (let i = 0; i < this.size; i++) {
      forestRows.push(this.forest.slice(i * this.forestStride, (i + 1) * this.forestStride));
      testRows.push(this.tests.slice(i * this.testStride, (i + 1) * this.testStride));
    }
    return { forestRows, testRows };
  }

  /** Starts a new sample period. */
  reset(): void {
    this.size = 0;
    this.offered = 0;
  }

  /** Rows got wider (a new channel): re-lay the held rows at the new strides, zero-padded. */
  private widen(forestWidth: number, testWidth: number): void {
    const fs = Math.max(forestWidth, this.forestStride);
    const ts = Math.max(testWidth, this.testStride);
    const forest = new Float64Array(this.capacity * fs);
    const tests = new Float64Array(this.capacity * ts);
    for (let i = 0; i < this.size; i++) {
      forest.set(this.forest.subarray(i * this.forestStride, (i + 1) * this.forestStride), i * fs);
      tests.set(this.tests.subarray(i * this.testStride, (i + 1) * this.testStride), i * ts);
    }
    this.forest = forest;
    this.tests = tests;
    this.forestStride = fs;
    this.testStride = ts;
  }
}
