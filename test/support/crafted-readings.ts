/**
 * Synthetic readings for detector tests: a motor-like sensor once a second with seeded Gaussian
 * noise on every channel, and helpers that inject one kind of anomaly from a given index on.
 */
import type { Reading } from '../../src/domain/reading.ts';
import { createRandom } from '../../src/processor/detect/random.ts';

export interface CraftOptions {
  readonly sensorId?: string;
  readonly count: number;
  readonly seed?: number;
  readonly startMs?: number;
  readonly intervalMs?: number;
}

/** Normal operation: current 20 A ± 0.4, 230 V ± 1.5, temperature 45 °C ± 0.3, and so on. */
export function craftReadings(options: CraftOptions): Reading[] {
  const random = createRandom(options.seed ?? 1);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const start = options.startMs ?? Date.UTC(2026, 10, 22, 6, 0, 0);
  const interval = options.intervalMs ?? 1000;
  let energy = 1000;
  return Array.from({ length: options.count }, (_, i) => {
    const current = 20 + 0.4 * normal();
    const voltage = 230 + 1.5 * normal();
    const pf = 0.9 + 0.005 * normal();
    const power = (current * voltage * pf) / 1000;
    energy += (power * interval) / 3_600_000;
    return {
      sensor_id: options.sensorId ?? 'motor_1',
      ts: new Date(start + i * interval).toISOString(),
      seq: i + 1,
      device_type: 'motor',
      location: 'floor_a',
      current,
      voltage,
      power_factor: pf,
      power_kw: power,
      energy_kwh: energy,
      temperature: 45 + 0.3 * normal(),
      pressure: 6 + 0.05 * normal(),
      vibration: 2 + 0.1 * normal(),
      producer_host: 'test',
      injected: null,
    };
  });
}

/** Replaces readings from `from` (for `length`) with `change(reading, k)`, labelled `kind`. */
export function inject(
  readings: Reading[],
  from: number,
  length: number,
  kind: NonNullable<Reading['injected']>,
  change: (r: Reading, k: number) => Partial<Reading>,
): Reading[] {
  return readings.map((r, i) =>
    i >= from && i < from + length ? { ...r, ...change(r, i - from), injected: kind } : r,
  );
}
