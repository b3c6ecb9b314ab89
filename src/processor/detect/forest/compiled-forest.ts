/**
 * An Isolation Forest as flat typed arrays, nodes in pre-order so a left child is always the next
 * node: scoring walks arrays instead of chasing objects of two hidden classes, which the library's
 * recursive walk does (3-12x slower, perf-limits §1.3). The arithmetic is the library's, in the
 * same order, so scores are identical.
 */
import { averagePathLength } from './path-length.ts';

export interface CompiledForest {
  /** ψ the trees were grown on; scores are normalized by c(ψ). */
  readonly sampleSize: number;
  /** Number of features a row must have (highest feature index + 1 at least). */
  readonly features: number;
  /** Index of each tree's root node. */
  readonly roots: Int32Array;
  /** Split feature of a node; -1 marks a leaf. */
  readonly feature: Int32Array;
  /** Split value of an inner node; a leaf's path length, depth + c(leaf size). */
  readonly value: Float64Array;
  /** Right child of an inner node (the left child is the next node). */
  readonly right: Int32Array;
}

/** The anomaly score 2^(-E[h(x)]/c(ψ)) of one row; > 0.5 leans anomalous, < 0.5 ordinary. */
export function scoreRow(forest: CompiledForest, row: ArrayLike<number>): number {
  const { roots, feature, value, right } = forest;
  let total = 0;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t] as number;
    let f = feature[node] as number;
    while (f >= 0) {
      node = (row[f] as number) < (value[node] as number) ? node + 1 : (right[node] as number);
      f = feature[node] as number;
    }
    total += value[node] as number;
  }
  return 2 ** (-(total / roots.length) / averagePathLength(forest.sampleSize));
}

/**
 * Scores `count` rows stored row-major in `rows` (`stride` numbers per row) into `out`, one tree
 * over all rows at a time: the tree stays in cache (about 2x faster than row by row, perf-limits
 * §1.3). Sums run over trees in the same order as `scoreRow`, so results are identical.
 */
export function scoreRows(
  forest: CompiledForest,
  rows: Float64Array,
  stride: number,
  count: number,
  out: Float64Array,
): void {
  const { roots, feature, value, right } = forest;
  out.fill(0, 0, count);
  for (let t = 0; t < roots.length; t++) {
    const root = roots[t] as number;
    for (let r = 0, base = 0; r < count; r++, base += stride) {
      let node = root;
      let f = feature[node] as number;
      while (f >= 0) {
        node = (rows[base + f] as number) < (value[node] as number) ? node + 1 : (right[node] as number);
        f = feature[node] as number;
      }
      out[r] = (out[r] as number) + (value[node] as number);
    }
  }
  const norm = averagePathLength(forest.sampleSize);
  for (let r = 0; r < count; r++) out[r] = 2 ** (-((out[r] as number) / roots.length) / norm);
}

/** A copy whose split features are renumbered by `map` (model feature → local row position). */
export function remapFeatures(forest: CompiledForest, map: readonly number[]): CompiledForest {
  const feature = forest.feature.map((f) => (f < 0 ? f : (map[f] ?? -2)));
  if (feature.some((f) => f === -2)) throw new Error('feature map does not cover every split feature');
  return { ...forest, feature, features: Math.max(0, ...map) + 1 };
}
