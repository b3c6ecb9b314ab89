import type { IsolationTreeNode } from 'ml-isolation-forest';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { compileForest } from './compile-forest.ts';
import { remapFeatures, scoreRow, scoreRows } from './compiled-forest.ts';
import { decodeForest, encodeForest } from './forest-codec.ts';
import { asLibraryForest, createForestTrainer, trainForest } from './train-forest.ts';

/** Gaussian rows (Box-Muller on a seeded generator), a few pushed far out. */
function gaussianRows(count: number, dims: number, seed: number): number[][] {
  const random = createRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: count }, () => Array.from({ length: dims }, normal));
}

function leafSizes(node: IsolationTreeNode): number {
  if (!node.left && !node.right) return node.trainingSet?.length ?? 0;
  return leafSizes(node.left as IsolationTreeNode) + leafSizes(node.right as IsolationTreeNode);
}

describe('isolation forest training', () => {
  const rows = gaussianRows(2000, 5, 7);
  const options = { trees: 40, sampleSize: 256, seed: 42 };

  it('grows every tree on its own subsample of ψ rows', () => {
    const trainer = trainForest(rows, options);
    expect(trainer.trees).toHaveLength(40);
    for (const tree of trainer.trees) expect(leafSizes(tree)).toBe(256);
    // Different subsamples: the trees do not all split the same way at the root.
    const rootSplits = new Set(trainer.trees.map((t) => `${t.splitColumn}:${t.splitValue}`));
    expect(rootSplits.size).toBe(40);
  });

  it('is deterministic under a seed, different across seeds, and leaves Math.random alone', () => {
    const original = Math.random;
    const probe = gaussianRows(200, 5, 8);
    const score = (seed: number) => {
      const t = trainForest(rows, { ...options, seed });
      return asLibraryForest(t).predict(probe);
    };
    expect(score(42)).toEqual(score(42));
    expect(score(42)).not.toEqual(score(43));
    expect(Math.random).toBe(original);
  });

  it('gives the same forest whether grown at once or in slices', () => {
    const sliced = createForestTrainer(rows, options);
    while (!sliced.done) sliced.grow(3);
    const whole = trainForest(rows, options);
    const probe = gaussianRows(100, 5, 9);
    expect(asLibraryForest(sliced).predict(probe)).toEqual(asLibraryForest(whole).predict(probe));
  });
});

describe('compiled forest', () => {
  const rows = gaussianRows(3000, 6, 11);
  const trainer = trainForest(rows, { trees: 100, sampleSize: 256, seed: 3 });
  const library = asLibraryForest(trainer);
  const compiled = compileForest(trainer.trees, trainer.sampleSize, 6);
  const probe = [...gaussianRows(1500, 6, 12), ...gaussianRows(500, 6, 13).map((r) => r.map((v) => v * 6))];

  it('scores exactly what the library scores on the same trees, row by row and tree-major', () => {
    const expected = library.predict(probe);
    const perRow = probe.map((row) => scoreRow(compiled, row));
    expect(perRow).toEqual(expected);
    const flat = Float64Array.from(probe.flat());
    const out = new Float64Array(probe.length);
    scoreRows(compiled, flat, 6, probe.length, out);
    expect(Array.from(out)).toEqual(expected);
  });

  it('scores outliers higher than ordinary rows', () => {
    const ordinary = probe.slice(0, 1500).map((r) => scoreRow(compiled, r));
    const outliers = probe.slice(1500).map((r) => scoreRow(compiled, r));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(outliers)).toBeGreaterThan(mean(ordinary) + 0.1);
  });

  it('survives an encode/decode round trip through JSON unchanged', () => {
    const decoded = decodeForest(JSON.parse(JSON.stringify(encodeForest(compiled))));
    expect(decoded).toEqual(compiled);
    expect(probe.map((r) => scoreRow(decoded, r))).toEqual(probe.map((r) => scoreRow(compiled, r)));
  });

  it('refuses corrupt or foreign input', () => {
    const good = encodeForest(compiled);
    expect(() => decodeForest({ ...good, formatVersion: 99 })).toThrow(/not supported/);
    expect(() => decodeForest({ ...good, format: 'other' })).toThrow(/not a wattwatch/);
    const loop = Int32Array.from(compiled.right);
    loop[0] = 0;
    const looped = { ...good, right: Buffer.from(loop.buffer).toString('base64') };
    expect(() => decodeForest(looped)).toThrow(/child out of range/);
    expect(() => decodeForest({ ...good, value: 'AAA' })).toThrow();
  });

  it('can renumber features to another row layout', () => {
    // Model features 0..5 live at local positions 5..0.
    const map = [5, 4, 3, 2, 1, 0];
    const remapped = remapFeatures(compiled, map);
    for (const row of probe.slice(0, 50)) {
      expect(scoreRow(remapped, [...row].reverse())).toBe(scoreRow(compiled, row));
    }
  });
});
