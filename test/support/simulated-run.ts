/** Runs a generator over a time range without any clock, for simulator tests. */
import type { Reading } from '../../src/domain/reading.ts';
import type { FleetGenerator } from '../../src/simulator/signals/create-generator.ts';

export interface RunRange {
  readonly startMs: number;
  readonly steps: number;
  readonly intervalMs: number;
  /** Sensor indexes to sample; all by default. */
  readonly sensors?: readonly number[];
}

/** Per sensor, the value of every step in order (null while the sensor is silent). */
export function runGenerator(generator: FleetGenerator, range: RunRange): (Reading | null)[][] {
  const sensors = range.sensors ?? Array.from({ length: generator.fleet.size }, (_, i) => i);
  const out = sensors.map(() => [] as (Reading | null)[]);
  for (let step = 0; step < range.steps; step++) {
    const slot = range.startMs + step * range.intervalMs;
    sensors.forEach((i, k) => {
      out[k]?.push(generator.sample(i, slot));
    });
  }
  return out;
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Lag-1 autocorrelation of a series (mean removed). */
export function lag1(values: readonly number[]): number {
  const m = mean(values);
  let num = 0;
  let den = 0;
  for (let k = 0; k < values.length; k++) {
    const d = (values[k] as number) - m;
    den += d * d;
    if (k > 0) num += d * ((values[k - 1] as number) - m);
  }
  return num / den;
}

export function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, k) => {
    const y = ys[k] as number;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
