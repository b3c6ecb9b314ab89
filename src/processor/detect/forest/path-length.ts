/**
 * c(n): the average path length of an unsuccessful search in a binary search tree of n points, the
 * normalizer of Isolation Forest scores. Written with the same constant and operation order as
 * ml-isolation-forest's Utils.js, so compiled scores equal the library's bit for bit.
 */
export function averagePathLength(n: number): number {
  if (n === 0 || n === 1) return 0;
  if (n === 2) return 1;
  return 2 * Math.log(n - 1) + 0.57721 - (2 * (n - 1)) / n;
}
