import { describe, expect, it } from 'vitest';
import { DeviceTypeState } from './device-type-state.ts';
import { energyRate } from './gather-channels.ts';
import { SensorTrack } from './sensor-track.ts';

describe('energyRate', () => {
  it('turns a cumulative meter into kW, and one late first reading does not bias the warm-up', () => {
    const track = new SensorTrack('meter_1', new DeviceTypeState('motor', 24, 64, 1));
    // 36 kW: 10 Wh a second, metered each second; the second reading was stamped 400 ms late, so
    // the first rate is 30% low.
    const rates = Array.from({ length: 12 }, (_, i) =>
      energyRate(100 + (36 * i * 1000) / 3_600_000, track, i * 1000 + (i === 1 ? 400 : 0)),
    );
    expect(rates[0]).toBeNull();
    expect(rates[1]).toBeCloseTo(36 * (1000 / 1400), 6);
    // Ten readings on, the rate is within 5% of 36 kW (an EW mean started from the first would still be 20% low).
    expect(Math.abs((rates.at(-1) as number) - 36)).toBeLessThan(0.05 * 36);
  });
});
