import { describe, expect, it } from 'vitest';
import { Sfc32, seedStates } from './sfc32.ts';

function extremes(values: readonly number[]) {
  return values.reduce((m, v) => ({ min: Math.min(m.min, v), max: Math.max(m.max, v) }), {
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  });
}

function moments(values: readonly number[]) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, variance };
}

describe('Sfc32', () => {
  it('is reproducible: the same seed, sensor and stream give the same sequence', () => {
    const a = new Sfc32().seed(42, 7, 1);
    const b = new Sfc32().seed(42, 7, 1);
    const first = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(first);
    // Pinned so an accidental change to the generator or its seeding shows up here first.
    expect(first).toEqual([23562101, 824083824, 35279933, 3143257317, 653658580]);
  });

  it('is the published sfc32 algorithm (outputs of the reference implementation for given words)', () => {
    const words = new Uint32Array([0x9e3779b9, 0x243f6a88, 0xb7e15162, 1]);
    const rng = new Sfc32().load(words, 0);
    // From the widely used JavaScript port (bryc/code, PRNGs.md) started with the same four words.
    expect([rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()]).toEqual([
      3262571586, 2602127793, 3691875691, 1400833174,
    ]);
  });

  it('gives different sequences for neighbouring seeds, sensors and streams', () => {
    const firsts = [
      [1, 0, 0],
      [2, 0, 0],
      [1, 1, 0],
      [1, 0, 1],
    ].map(([seed, sensor, stream]) =>
      new Sfc32().seed(seed as number, sensor as number, stream as number).nextU32(),
    );
    expect(new Set(firsts).size).toBe(4);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Sfc32().seed(3, 0, 0);
    const values = Array.from({ length: 200_000 }, () => rng.uniform());
    expect(extremes(values).min).toBeGreaterThanOrEqual(0);
    expect(extremes(values).max).toBeLessThan(1);
    const { mean, variance } = moments(values);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('draws normals with mean 0, variance 1, symmetric and bounded tails', () => {
    const rng = new Sfc32().seed(4, 0, 0);
    const values = Array.from({ length: 200_000 }, () => rng.normal());
    const { mean, variance } = moments(values);
    expect(mean).toBeCloseTo(0, 2);
    expect(variance).toBeCloseTo(1, 2);
    const within1 = values.filter((v) => Math.abs(v) < 1).length / values.length;
    expect(within1).toBeGreaterThan(0.66); // 0.683 for a true Gaussian
    expect(within1).toBeLessThan(0.7);
    expect(extremes(values.map(Math.abs)).max).toBeLessThanOrEqual(3.46);
  });

  it('stores and loads packed states so one cursor can serve many sensors', () => {
    const states = seedStates(9, 3, 2);
    const cursor = new Sfc32();
    const direct = new Sfc32().seed(9, 1, 2);
    cursor.load(states, 1);
    expect(cursor.nextU32()).toBe(direct.nextU32());
    cursor.store(states, 1);
    expect(new Sfc32().load(states, 1).nextU32()).toBe(direct.nextU32());
  });
});
