/**
 * 32-bit integer mixing (the murmur3 finalizer). Used to turn (seed, sensor, stream) into
 * well-spread PRNG seeds and, statelessly, to draw per-reading jitter from (seed, sensor, round).
 */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes several 32-bit words into one; order matters. */
export function hashWords(a: number, b: number, c = 0): number {
  return mix32(mix32(mix32(a ^ 0x9e3779b9) ^ Math.imul(b, 0x85ebca77)) ^ Math.imul(c, 0xc2b2ae3d));
}

/** A uniform number in [0, 1) from a hash value. */
export function unitFromHash(h: number): number {
  return (h >>> 0) * 2.3283064365386963e-10;
}
