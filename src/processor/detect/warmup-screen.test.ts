import { describe, expect, it } from 'vitest';
import { craftReadings, inject } from '../../../test/support/crafted-readings.ts';
import type { Reading } from '../../domain/reading.ts';
import type { Assessment } from '../../domain/sensor-state.ts';
import { createDetector } from './create-detector.ts';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from './options.ts';
import { WarmupBuffer } from './warmup-buffer.ts';
import { leftOutOfBaseline, type ScreenFinding, WarmupScreen } from './warmup-screen.ts';

const WARMUP = 120;
const OPTIONS: DetectorOptions = {
  ...DEFAULT_DETECTOR_OPTIONS,
  baselineWarmup: WARMUP,
  warmupStagger: 0,
  modelWarmupRows: 300,
  forest: { trees: 25, sampleSize: 128, seed: 7 },
};
const OFF: DetectorOptions = { ...OPTIONS, warmupScreen: { ...OPTIONS.warmupScreen, minReadings: 0 } };

function run(readings: readonly Reading[], options = OPTIONS): Assessment[] {
  const detector = createDetector(options);
  const out: Assessment[] = [];
  for (let i = 0; i < readings.length; i += 100) out.push(...detector.assess(readings.slice(i, i + 100)));
  return out;
}

const flaggedAt = (out: readonly Assessment[], from: number, to: number) =>
  out.flatMap((a, i) => (i >= from && i < to && a.is_anomaly ? [i] : []));

describe('the warm-up screen in the detector', () => {
  it('flags nothing in a normal noisy warm-up', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const out = run(craftReadings({ count: WARMUP, seed }));
      expect(flaggedAt(out, 0, WARMUP)).toEqual([]);
    }
  });

  it('flags a spike inside warm-up at once and says so', () => {
    const spiked = inject(craftReadings({ count: WARMUP, seed: 3 }), 70, 1, 'spike', (r) => ({
      vibration: (r.vibration as number) * 10,
    }));
    const out = run(spiked);
    expect(flaggedAt(out, 0, WARMUP)).toEqual([70]);
    const spike = out[70] as Assessment;
    expect(spike.model_version).toBe('warmup');
    expect(spike.status).toBe('warning');
    expect(spike.reasons[0]).toMatch(
      /^vibration \d+\.\dσ above its baseline of 2(\.\d+)? mm\/s during warm-up$/,
    );
  });

  it('keeps spikes out of the starting baseline, so a later one still stands out', () => {
    // Eight warm-up spikes (7% of it: past the 95th percentile the starting spread is read from).
    let readings = craftReadings({ count: 300, seed: 3 });
    const spike = (r: Reading) => ({ vibration: (r.vibration as number) * 10 });
    for (let k = 0; k < 8; k++) readings = inject(readings, 30 + 10 * k, 1, 'spike', spike);
    readings = inject(readings, 250, 1, 'spike', spike);
    expect(flaggedAt(run(readings), 20, WARMUP)).toEqual([30, 40, 50, 60, 70, 80, 90, 100]);
    expect(run(readings)[250]?.is_anomaly).toBe(true);
    expect(run(readings, OFF)[250]?.is_anomaly).toBe(false);
  });

  it('flags an overload in progress from its first warm-up reading and keeps it out of the baseline', () => {
    // Current (and so power) 60% up from reading 80 on, through the end of warm-up and beyond.
    const overload = inject(craftReadings({ count: 300, seed: 5 }), 80, 220, 'overheating', (r) => ({
      current: (r.current as number) * 1.6,
      power_kw: (r.power_kw as number) * 1.6,
    }));
    const out = run(overload);
    expect(flaggedAt(out, 0, 80)).toEqual([]);
    expect(flaggedAt(out, 80, WARMUP)).toHaveLength(WARMUP - 80);
    expect(out[80]?.reasons[0]).toMatch(/(current|power) \d+\.\dσ above its baseline .* during warm-up$/);
    // Live: the baseline is the normal current, so the overload still stands out...
    expect(flaggedAt(out, WARMUP, WARMUP + 60)).toHaveLength(60);
    // ...where a baseline that took the overload in (no screen) has learned it as normal.
    expect(flaggedAt(run(overload, OFF), WARMUP, WARMUP + 60).length).toBeLessThan(30);
  });
});

describe('WarmupScreen', () => {
  const finding: ScreenFinding = { ratio: 0, slot: 0, z: 0, center: 0 };
  const judgeAndPush = (warm: WarmupBuffer, screen: WarmupScreen, values: number[]) => {
    const flags = new Uint8Array(values.length);
    const slots = values.map((_, j) => j);
    const ratio = screen.judge(
      warm,
      values.length,
      slots,
      values,
      slots.map(() => -1),
      flags,
      finding,
    );
    warm.push(warm.readings * 1000, warm.readings, values.length, slots, values, flags);
    return ratio;
  };

  it('does not judge before it has seen minReadings, nor a channel sitting on one value half the time', () => {
    const warm = new WarmupBuffer(60);
    const screen = new WarmupScreen({ minReadings: 20, refitEvery: 10, threshold: 12 });
    // Channel 0: noisy around 10. Channel 1: a flow meter at 32 with an occasional 32.004.
    for (let r = 0; r < 20; r++) {
      expect(judgeAndPush(warm, screen, [10 + 0.1 * Math.sin(r * 1.7), r % 7 === 0 ? 32.004 : 32])).toBe(0);
    }
    // 33 is 250 steps of 0.004 away, but the flow meter is not judged: only channel 0 is.
    expect(judgeAndPush(warm, screen, [10, 33])).toBeLessThan(1);
    expect(finding.slot).toBe(0);
    expect(judgeAndPush(warm, screen, [20, 32])).toBeGreaterThan(1);
    expect(finding.slot).toBe(0);
    expect(finding.z).toBeGreaterThan(12);
  });

  it('leaves out of the baseline spikes and the run still going at the end, not a long run that ended', () => {
    const warm = new WarmupBuffer(8);
    const flagsOf = [0, 1, 0, 1, 1, 1, 1, 0, 1, 1];
    for (const [r, f] of flagsOf.entries()) warm.push(r, r, 1, [0], [r], [f]);
    expect([...(leftOutOfBaseline(warm) as Uint8Array)]).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});
