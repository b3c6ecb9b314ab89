import { describe, expect, it } from 'vitest';
import { craftReadings } from '../../../test/support/crafted-readings.ts';
import type { Reading } from '../../domain/reading.ts';
import { createDetector } from './create-detector.ts';
import { DEFAULT_DETECTOR_OPTIONS } from './options.ts';
import { MIN_PEERS, PeerDrift } from './peer-drift.ts';

describe('PeerDrift', () => {
  it('says nothing until the type has enough peers', () => {
    const drift = new PeerDrift();
    for (let p = 0; p < MIN_PEERS - 1; p++) drift.addPeer();
    for (let i = 0; i < 500; i++) drift.commonDrift(0, 0.2);
    expect(drift.commonDrift(0, 0.2)).toBe(0);
    drift.addPeer();
    expect(drift.commonDrift(0, 0.2)).toBeCloseTo(0.2, 3);
  });

  it('follows what most sensors drift, and one sensor far off barely moves it', () => {
    const drift = new PeerDrift();
    for (let p = 0; p < 20; p++) drift.addPeer();
    for (let round = 0; round < 200; round++) {
      for (let p = 0; p < 20; p++) drift.commonDrift(3, 0.1 + 0.01 * Math.sin(round + p));
    }
    const before = drift.commonDrift(3, 0.1);
    // One faulty sensor at 3× its level for 20 rounds, among 19 that stay.
    for (let round = 0; round < 20; round++) {
      for (let p = 0; p < 20; p++) drift.commonDrift(3, p === 0 ? 2 : 0.1);
    }
    expect(before).toBeCloseTo(0.1, 2);
    expect(Math.abs(drift.commonDrift(3, 0.1) - 0.1)).toBeLessThan(0.01);
  });

  it('reports how far the peers disagree: wide while they ramp differently, narrow when they agree', () => {
    const spreadOf = (amplitude: number) => {
      const drift = new PeerDrift();
      for (let p = 0; p < 20; p++) drift.addPeer();
      for (let round = 0; round < 200; round++) {
        for (let p = 0; p < 20; p++) drift.commonDrift(1, 0.5 + amplitude * Math.sin(round + p));
      }
      return drift.lastSpread;
    };
    // σ of a sine of amplitude a is a/√2; the robust spread should land near it, and scale with it.
    expect(spreadOf(0.01)).toBeGreaterThan(0.004);
    expect(spreadOf(0.01)).toBeLessThan(0.012);
    expect(spreadOf(0.2) / spreadOf(0.01)).toBeGreaterThan(10);
  });
});

describe('the sustained test against the fleet', () => {
  const SENSORS = 12;
  const WARMUP = 120;
  // After the baselines have settled (slowHalfLife readings), so only the ramp can raise a flag.
  const RAMP_FROM = 1500;
  const RAMP = 1800;
  const COUNT = RAMP_FROM + RAMP + 300;

  /**
   * 12 motors reporting together; `ramping` ones take on 30% more current over half an hour;
   * `fault` scales a sensor's current at a reading on top of that.
   */
  function fleet(ramping: (sensor: number) => boolean, fault = (_s: number, _i: number) => 1): Reading[][] {
    const series = Array.from({ length: SENSORS }, (_, s) =>
      craftReadings({ count: COUNT, seed: 100 + s, sensorId: `motor_${s}` }).map((r, i) => {
        const ramp = !ramping(s) || i < RAMP_FROM ? 1 : 1 + 0.3 * Math.min(1, (i - RAMP_FROM) / RAMP);
        const factor = ramp * fault(s, i);
        if (factor === 1) return r;
        return { ...r, current: r.current === null ? null : r.current * factor };
      }),
    );
    return Array.from({ length: COUNT }, (_, i) => series.map((s) => s[i] as Reading));
  }

  /** Share of each sensor's readings from `from` (the ramp) on that are flagged. */
  function flaggedFromRamp(ticks: Reading[][], from = RAMP_FROM): number[] {
    const detector = createDetector({ ...DEFAULT_DETECTOR_OPTIONS, baselineWarmup: WARMUP });
    const flags = new Array<number>(SENSORS).fill(0);
    ticks.forEach((tick, i) => {
      const out = detector.assess(tick);
      if (i < from) return;
      out.forEach((a, s) => {
        if (a.is_anomaly) flags[s] = (flags[s] as number) + 1;
      });
    });
    return flags.map((f) => f / (COUNT - from));
  }

  it('lets a ramp the whole type shares pass (a shift starting, the weather)', () => {
    const shares = flaggedFromRamp(fleet(() => true));
    expect(Math.max(...shares)).toBeLessThan(0.02);
  });

  it('moves a faulty sensor’s baselines with the fleet, so it is normal again once the fault ends', () => {
    // The whole type's current doubles over the half hour (on top of the ramp); sensor 0's drops
    // to a third of it for 15 minutes in the middle and then comes back.
    const faultEnd = RAMP_FROM + 1200;
    const ticks = fleet(
      () => true,
      (s, i) =>
        (i < RAMP_FROM ? 1 : 1 + (i - RAMP_FROM) / RAMP) *
        (s === 0 && i >= RAMP_FROM + 300 && i < faultEnd ? 1 / 3 : 1),
    );
    const during = flaggedFromRamp(ticks, RAMP_FROM + 300);
    const after = flaggedFromRamp(ticks, faultEnd + 60);
    expect(during[0]).toBeGreaterThan(0.3);
    expect(after[0]).toBeLessThan(0.05);
  });

  it('flags the same ramp on one sensor alone', () => {
    const shares = flaggedFromRamp(fleet((s) => s === 0));
    expect(shares[0]).toBeGreaterThan(0.1);
    expect(Math.max(...shares.slice(1))).toBeLessThan(0.02);
  });
});

describe('PeerDrift baseline moves', () => {
  it('follows how far most peers move their baselines, and one sensor far off barely moves it', () => {
    const drift = new PeerDrift();
    for (let p = 0; p < 20; p++) drift.addPeer();
    for (let round = 0; round < 200; round++) {
      for (let p = 0; p < 20; p++) drift.moved(2, 1e-4, 2e-5 * (1 + 0.1 * Math.sin(round + p)));
    }
    for (let round = 0; round < 20; round++) {
      for (let p = 0; p < 20; p++) drift.moved(2, p === 0 ? 0.5 : 1e-4, p === 0 ? -0.5 : 2e-5);
    }
    expect(drift.levelMove(2)).toBeCloseTo(1e-4, 5);
    expect(drift.referenceMove(2)).toBeCloseTo(2e-5, 6);
    expect(drift.levelMove(3)).toBe(0);
  });

  it('says nothing until the type has enough peers', () => {
    const drift = new PeerDrift();
    for (let p = 0; p < MIN_PEERS - 1; p++) drift.addPeer();
    for (let i = 0; i < 100; i++) drift.moved(0, 1e-3, 1e-3);
    expect(drift.levelMove(0)).toBe(0);
    expect(drift.referenceMove(0)).toBe(0);
    drift.addPeer();
    expect(drift.levelMove(0)).toBeCloseTo(1e-3, 6);
  });
});
