import { describe, expect, it } from 'vitest';
import { sampleReading } from '../../test/support/sample-readings.ts';
import type { Reading } from '../domain/reading.ts';
import { createRuleDetector, RULE_MODEL_VERSION } from './rule-detector.ts';

/** A steady sensor with a small deterministic wobble, so its baseline has a real spread. */
function steady(seq: number, overrides: Partial<Reading> = {}): Reading {
  const wobble = ((seq * 7919) % 11) / 10 - 0.5; // -0.5 .. +0.5
  return sampleReading({
    seq,
    temperature: 40 + wobble,
    current: 20 + wobble / 5,
    vibration: 2 + wobble / 10,
    ...overrides,
  });
}

function warmedUp(detector = createRuleDetector(), readings = 60) {
  detector.assess(Array.from({ length: readings }, (_, i) => steady(i + 1)));
  return detector;
}

describe('the rule detector', () => {
  it('calls steady behaviour normal, with a low score and the rules model version', () => {
    const [a] = warmedUp().assess([steady(61)]);
    expect(a).toMatchObject({
      status: 'normal',
      is_anomaly: false,
      reasons: [],
      model_version: RULE_MODEL_VERSION,
    });
    expect(a?.anomaly_score).toBeLessThan(0.2);
  });

  it('flags a large temperature excursion as critical and says why', () => {
    const [a] = warmedUp().assess([steady(61, { temperature: 80 })]);
    expect(a?.status).toBe('critical');
    expect(a?.is_anomaly).toBe(true);
    expect(a?.reasons[0]).toMatch(/^temperature \d+\.\dσ above its recent mean of 40(\.\d+)? °C$/);
    expect(a?.anomaly_score).toBeGreaterThan(0.8);
  });

  it('flags a moderate excursion as a warning', () => {
    const detector = warmedUp();
    // the baseline spread after the wobble is about 0.3 °C, so +1.5 °C is between 4σ and 6σ
    const [a] = detector.assess([steady(61, { temperature: 41.6 })]);
    expect(a?.status).toBe('warning');
    expect(a?.reasons.some((r) => r.startsWith('temperature'))).toBe(true);
  });

  it('holds vibration to the ISO 10816 limits from the first reading on', () => {
    const detector = createRuleDetector();
    const [warning, critical] = detector.assess([
      sampleReading({ sensor_id: 'v1', vibration: 5 }),
      sampleReading({ sensor_id: 'v2', vibration: 7.5 }),
    ]);
    expect(warning?.status).toBe('warning');
    expect(critical?.status).toBe('critical');
    expect(critical?.reasons).toEqual(['vibration 7.5 mm/s at or above the 7.1 mm/s ISO 10816 limit']);
  });

  it('raises failure probability while a deviation persists and lowers it after', () => {
    const detector = warmedUp();
    const during = detector.assess(Array.from({ length: 10 }, (_, i) => steady(61 + i, { vibration: 8 })));
    const probabilities = during.map((a) => a.failure_probability);
    for (let i = 1; i < probabilities.length; i++)
      expect(probabilities[i]).toBeGreaterThan(probabilities[i - 1] as number);
    const after = detector.assess(Array.from({ length: 10 }, (_, i) => steady(71 + i)));
    expect(after.at(-1)?.failure_probability).toBeLessThan(probabilities.at(-1) as number);
  });

  it('keeps baselines per sensor', () => {
    const detector = warmedUp();
    const [other] = detector.assess([steady(1, { sensor_id: 'sensor_999', temperature: 80 })]);
    expect(other?.status).toBe('normal'); // a new sensor is still warming up
  });

  it('never reads the injected ground truth', () => {
    const detector = warmedUp();
    const watched = new Proxy(steady(61, { temperature: 80, injected: 'spike' }), {
      get(target, property, receiver) {
        if (property === 'injected') throw new Error('detection read injected');
        return Reflect.get(target, property, receiver);
      },
    });
    expect(() => detector.assess([watched])).not.toThrow();
  });

  it('ignores channels the sensor does not have', () => {
    const detector = createRuleDetector();
    const readings = Array.from({ length: 30 }, (_, i) =>
      sampleReading({ seq: i + 1, pressure: null, vibration: null }),
    );
    expect(detector.assess(readings).every((a) => a.status === 'normal')).toBe(true);
  });
});
