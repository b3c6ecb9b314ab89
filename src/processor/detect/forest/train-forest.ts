/**
 * Isolation Forest training as the paper describes it (Liu et al. 2008), on top of
 * ml-isolation-forest: every tree grows on its own random subsample of ψ rows (the library alone
 * grows every tree on the whole set), and the library's unseeded Math.random is replaced by a
 * seeded generator while trees grow, so (rows, seed) always gives the same forest.
 */
import { IsolationForest, type IsolationTreeNode } from 'ml-isolation-forest';
import { createRandom, type Random, withMathRandom } from '../random.ts';

export interface ForestTrainingOptions {
  /** Number of trees; scores settle well before 100 (paper, §4). */
  readonly trees: number;
  /** ψ, rows per tree; the paper's 256 makes height limit 8 and training cost independent of n. */
  readonly sampleSize: number;
  readonly seed: number;
}

export const DEFAULT_FOREST_TRAINING_OPTIONS: ForestTrainingOptions = Object.freeze({
  trees: 100,
  sampleSize: 256,
  seed: 0x5eed,
});

/** Trees grown so far and what scoring them needs; `grow` adds more, so training can be sliced. */
export interface ForestTrainer {
  readonly trees: IsolationTreeNode[];
  /** ψ actually used: min(sampleSize, rows). */
  readonly sampleSize: number;
  readonly done: boolean;
  /** Grows up to `count` more trees; returns how many trees exist now. */
  grow(count: number): number;
}

/** Prepares training on `rows` (each a feature vector of equal length); grows nothing yet. */
export function createForestTrainer(
  rows: readonly (readonly number[])[],
  options: ForestTrainingOptions = DEFAULT_FOREST_TRAINING_OPTIONS,
): ForestTrainer {
  if (rows.length < 2) throw new Error(`an isolation forest needs at least 2 rows, got ${rows.length}`);
  const random = createRandom(options.seed);
  const sampleSize = Math.min(options.sampleSize, rows.length);
  const trees: IsolationTreeNode[] = [];
  const indices = Array.from(rows.keys());
  return {
    trees,
    sampleSize,
    get done() {
      return trees.length >= options.trees;
    },
    grow(count) {
      const target = Math.min(options.trees, trees.length + count);
      withMathRandom(random, () => {
        while (trees.length < target) {
          const sample = drawSample(rows, indices, sampleSize, random);
          const single = new IsolationForest({ nEstimators: 1 });
          single.train(sample);
          trees.push(single.forest[0] as IsolationTreeNode);
        }
      });
      return trees.length;
    },
  };
}

/** Trains a whole forest at once (tests, offline scoring). */
export function trainForest(
  rows: readonly (readonly number[])[],
  options: ForestTrainingOptions = DEFAULT_FOREST_TRAINING_OPTIONS,
): ForestTrainer {
  const trainer = createForestTrainer(rows, options);
  trainer.grow(options.trees);
  return trainer;
}

/**
 * The library's own forest object holding these trees, so its `predict` can score them: the
 * reference the compiled scorer is tested against. Its normalizer c(n) uses n = ψ.
 */
export function asLibraryForest(trainer: ForestTrainer): IsolationForest {
  const forest = new IsolationForest({ nEstimators: trainer.trees.length });
  forest.forest = trainer.trees;
  forest.trainingSet = new Array(trainer.sampleSize);
  return forest;
}

/** ψ rows drawn without replacement (a partial Fisher-Yates shuffle of `indices`). */
function drawSample(
  rows: readonly (readonly number[])[],
  indices: number[],
  size: number,
  random: Random,
): number[][] {
  const sample: number[][] = [];
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (indices.length - i));
    const picked = indices[j] as number;
    indices[j] = indices[i] as number;
    indices[i] = picked;
    sample.push(rows[picked] as number[]);
  }
  return sample;
}
