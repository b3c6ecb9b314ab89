import { describe, expect, it } from 'vitest';
import { craftReadings } from '../../../test/support/crafted-readings.ts';
import type { Reading } from '../../domain/reading.ts';
import type { Assessment } from '../../domain/sensor-state.ts';
import { createQualityCounter } from './quality-counts.ts';

const flag = (is_anomaly: boolean): Assessment => ({
  anomaly_score: is_anomaly ? 0.8 : 0.1,
  is_anomaly,
  failure_probability: 0,
  status: is_anomaly ? 'warning' : 'normal',
  reasons: [],
  model_version: 'motor@1',
});

describe('quality counts', () => {
  it('counts tp/fp/fn/tn per kind and each episode with its detection delay, across chunks', () => {
    const base = craftReadings({ count: 10 });
    const label = (i: number): Reading['injected'] => (i >= 2 && i <= 5 ? 'spike' : i === 8 ? 'stuck' : null);
    const readings = base.map((r, i) => ({ ...r, injected: label(i) }));
    const flags = [false, true, false, false, true, true, false, false, false, false];
    const counter = createQualityCounter();
    const first = counter.count(readings.slice(0, 4), flags.slice(0, 4).map(flag));
    const second = counter.count(readings.slice(4), flags.slice(4).map(flag));
    expect(first).toEqual({ readings: 4, tn: 1, fp: 1, fn: 2, 'fn:spike': 2, 'episodes:spike': 1 });
    expect(second).toEqual({
      readings: 6,
      tp: 2,
      'tp:spike': 2,
      tn: 3,
      fn: 1,
      'fn:stuck': 1,
      'detected:spike': 1,
      'delay_ms:spike': 2000,
      'delay_readings:spike': 2,
      'episodes:stuck': 1,
    });
  });
});
