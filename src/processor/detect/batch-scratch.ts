/**
 * Per-call working memory of `assess`, reused across calls so the hot path allocates almost
 * nothing: what pass one found for each reading, and each device type's block of forest rows.
 */
import { FOREST_ROW_WIDTH, TEST_ROW_WIDTH } from './channel-features.ts';
import type { DeviceTypeState } from './device-type-state.ts';
import type { SensorTrack } from './sensor-track.ts';

export const KIND_LIVE = 0;
export const KIND_WARMUP = 1;
export const KIND_STALE = 2;
/** A warm-up reading the warm-up screen flagged. */
export const KIND_SCREENED = 3;

export class BatchScratch {
  capacity = 0;
  kind = new Uint8Array(0);
  ms = new Float64Array(0);
  tracks: (SensorTrack | undefined)[] = [];
  /** Row of the reading within its type's block. */
  row = new Int32Array(0);
  statRatio = new Float64Array(0);
  /** Strongest test: position in the test row (-1 none), signed feature, reference, repeats, gap. */
  bestTest = new Int32Array(0);
  bestSigned = new Float64Array(0);
  bestReference = new Float64Array(0);
  bestRepeats = new Int32Array(0);
  /** Worst rule band: severity, band index, value and nominal. */
  severity = new Uint8Array(0);
  band = new Int32Array(0);
  bandValue = new Float64Array(0);
  bandNominal = new Float64Array(0);

  ensure(n: number): void {
    if (n <= this.capacity) return;
    const c = Math.max(n, this.capacity * 2, 64);
    this.capacity = c;
    this.kind = new Uint8Array(c);
    this.ms = new Float64Array(c);
    this.row = new Int32Array(c);
    this.statRatio = new Float64Array(c);
    this.bestTest = new Int32Array(c);
    this.bestSigned = new Float64Array(c);
    this.bestReference = new Float64Array(c);
    this.bestRepeats = new Int32Array(c);
    this.severity = new Uint8Array(c);
    this.band = new Int32Array(c);
    this.bandValue = new Float64Array(c);
    this.bandNominal = new Float64Array(c);
  }
}

/** One device type's rows within the current call. */
export class TypeBlock {
  count = 0;
  capacity = 0;
  forestRows = new Float64Array(0);
  testRows = new Float64Array(0);
  scores = new Float64Array(0);

  constructor(readonly type: DeviceTypeState) {}

  /** Makes room for one more row and returns its index. */
  add(): number {
    if (this.count === this.capacity) {
      const c = Math.max(64, this.capacity * 2);
      const forest = new Float64Array(c * FOREST_ROW_WIDTH);
      forest.set(this.forestRows);
      const tests = new Float64Array(c * TEST_ROW_WIDTH);
      tests.set(this.testRows);
      this.forestRows = forest;
      this.testRows = tests;
      this.scores = new Float64Array(c);
      this.capacity = c;
    }
    return this.count++;
  }

  forestRow(row: number): Float64Array {
    return this.forestRows.subarray(row * FOREST_ROW_WIDTH, (row + 1) * FOREST_ROW_WIDTH);
  }

  testRow(row: number): Float64Array {
    return this.testRows.subarray(row * TEST_ROW_WIDTH, (row + 1) * TEST_ROW_WIDTH);
  }
}
