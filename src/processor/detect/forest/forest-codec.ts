/**
 * A CompiledForest ↔ a JSON-safe object. Arrays travel as base64 of their little-endian bytes, so
 * every split value survives exactly. Decoding checks the structure (children after parents, all
 * indices in range) because a corrupt model from Redis must fail loudly, not loop forever.
 */
import type { CompiledForest } from './compiled-forest.ts';

export const FOREST_FORMAT = 'wattwatch.iforest';
export const FOREST_FORMAT_VERSION = 1;

export interface EncodedForest {
  readonly format: typeof FOREST_FORMAT;
  readonly formatVersion: number;
  readonly sampleSize: number;
  readonly features: number;
  readonly roots: string;
  readonly feature: string;
  readonly value: string;
  readonly right: string;
}

export function encodeForest(forest: CompiledForest): EncodedForest {
  return {
    format: FOREST_FORMAT,
    formatVersion: FOREST_FORMAT_VERSION,
    sampleSize: forest.sampleSize,
    features: forest.features,
    roots: toBase64(forest.roots),
    feature: toBase64(forest.feature),
    value: toBase64(forest.value),
    right: toBase64(forest.right),
  };
}

/** Rebuilds a forest; throws a message naming the first problem found. */
export function decodeForest(encoded: unknown): CompiledForest {
  const e = encoded as Partial<EncodedForest> | null;
  if (!e || e.format !== FOREST_FORMAT) throw new Error('not a wattwatch isolation forest');
  if (e.formatVersion !== FOREST_FORMAT_VERSION) {
    throw new Error(
      `forest format version ${e.formatVersion} is not supported (${FOREST_FORMAT_VERSION} is)`,
    );
  }
  if (!Number.isInteger(e.sampleSize) || (e.sampleSize as number) < 2) throw new Error('bad sampleSize');
  if (!Number.isInteger(e.features) || (e.features as number) < 1) throw new Error('bad features');
  const forest: CompiledForest = {
    sampleSize: e.sampleSize as number,
    features: e.features as number,
    roots: new Int32Array(fromBase64(e.roots, 4)),
    feature: new Int32Array(fromBase64(e.feature, 4)),
    value: new Float64Array(fromBase64(e.value, 8)),
    right: new Int32Array(fromBase64(e.right, 4)),
  };
  checkStructure(forest);
  return forest;
}

function checkStructure(f: CompiledForest): void {
  const n = f.feature.length;
  if (f.value.length !== n || f.right.length !== n) throw new Error('node arrays differ in length');
  if (f.roots.length === 0) throw new Error('no trees');
  for (const root of f.roots) if (root < 0 || root >= n) throw new Error(`root ${root} out of range`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(f.value[i] as number)) throw new Error(`node ${i}: value is not finite`);
    const feature = f.feature[i] as number;
    if (feature === -1) continue;
    const right = f.right[i] as number;
    // Pre-order: both children come after their parent, which rules out cycles.
    if (feature < 0 || feature >= f.features) throw new Error(`node ${i}: feature ${feature} out of range`);
    if (i + 1 >= n || right <= i + 1 || right >= n) throw new Error(`node ${i}: child out of range`);
  }
}

function toBase64(array: Int32Array | Float64Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** A fresh, aligned ArrayBuffer (Buffer slices may sit at odd offsets of a shared pool). */
function fromBase64(text: unknown, width: number): ArrayBuffer {
  if (typeof text !== 'string') throw new Error('array field is not a string');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % width !== 0) throw new Error('array length is not a whole number of elements');
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return copy;
}
