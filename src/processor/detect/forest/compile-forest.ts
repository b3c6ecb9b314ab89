/** Library trees → a CompiledForest. */
import type { IsolationTreeNode } from 'ml-isolation-forest';
import type { CompiledForest } from './compiled-forest.ts';
import { averagePathLength } from './path-length.ts';

/** Flattens the trees in pre-order; `features` is the row length they were trained on. */
export function compileForest(
  trees: readonly IsolationTreeNode[],
  sampleSize: number,
  features: number,
): CompiledForest {
  const feature: number[] = [];
  const value: number[] = [];
  const right: number[] = [];
  const roots = new Int32Array(trees.length);
  trees.forEach((tree, t) => {
    roots[t] = feature.length;
    // Iterative pre-order walk: deep trees must not depend on the call stack.
    const stack: { node: IsolationTreeNode; depth: number; parent: number }[] = [
      { node: tree, depth: 0, parent: -1 },
    ];
    while (stack.length > 0) {
      const { node, depth, parent } = stack.pop() as (typeof stack)[number];
      const index = feature.length;
      // A right child is pushed with its parent's index so the parent can learn where it went.
      if (parent >= 0) right[parent] = index;
      if (node.left === undefined && node.right === undefined) {
        feature.push(-1);
        // Same expression as the library's leaf: depth + c(size), so sums match exactly.
        value.push(depth + averagePathLength(node.trainingSet?.length ?? 0));
        right.push(-1);
        continue;
      }
      feature.push(node.splitColumn as number);
      value.push(node.splitValue as number);
      right.push(-1);
      stack.push({ node: node.right as IsolationTreeNode, depth: depth + 1, parent: index });
      stack.push({ node: node.left as IsolationTreeNode, depth: depth + 1, parent: -1 });
    }
  });
  return {
    sampleSize,
    features,
    roots,
    feature: Int32Array.from(feature),
    value: Float64Array.from(value),
    right: Int32Array.from(right),
  };
}
