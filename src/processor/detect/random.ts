/**
 * A small seeded PRNG (mulberry32) and a way to run code with it standing in for Math.random:
 * ml-isolation-forest draws split columns and values from Math.random with no seed option, and a
 * model must be reproducible from (data, seed) for tests and for comparing versions.
 */
export type Random = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed; the same seed gives the same sequence. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` with Math.random replaced by `random`, restoring it afterwards even on a throw. The
 * substitution is synchronous only: nothing else in this thread can observe it.
 */
export function withMathRandom<T>(random: Random, fn: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
