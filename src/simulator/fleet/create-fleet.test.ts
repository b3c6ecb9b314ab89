import { describe, expect, it } from 'vitest';
import { DEVICE_TYPES } from '../../domain/device-type.ts';
import { LOCATIONS } from '../../domain/location.ts';
import { createFleet } from './create-fleet.ts';
import { DEVICE_SPECS } from './device-specs.ts';

describe('createFleet', () => {
  it('names sensors sensor_000… zero-padded to the fleet size, at least three digits', () => {
    expect(createFleet({ sensors: 300, seed: 1 }).ids.slice(0, 2)).toEqual(['sensor_000', 'sensor_001']);
    expect(createFleet({ sensors: 300, seed: 1 }).ids.at(-1)).toBe('sensor_299');
    expect(createFleet({ sensors: 5, seed: 1 }).ids.at(-1)).toBe('sensor_004');
    expect(createFleet({ sensors: 1000, seed: 1 }).ids.at(-1)).toBe('sensor_999');
    expect(createFleet({ sensors: 1001, seed: 1 }).ids.slice(0, 1)).toEqual(['sensor_0000']);
    expect(createFleet({ sensors: 1001, seed: 1 }).ids.at(-1)).toBe('sensor_1000');
  });

  it('is the same fleet for the same seed, a different one for another seed', () => {
    const a = createFleet({ sensors: 300, seed: 7 });
    const b = createFleet({ sensors: 300, seed: 7 });
    const c = createFleet({ sensors: 300, seed: 8 });
    expect(b.deviceType).toEqual(a.deviceType);
    expect(b.ratedCurrentA).toEqual(a.ratedCurrentA);
    expect(b.meterAgeDays).toEqual(a.meterAgeDays);
    expect(c.deviceType).not.toEqual(a.deviceType);
  });

  it('gives a sensor the same machine whatever the fleet size (one random stream per sensor)', () => {
    const small = createFleet({ sensors: 10, seed: 3 });
    const large = createFleet({ sensors: 5000, seed: 3 });
    expect(large.deviceType.slice(0, 10)).toEqual(small.deviceType);
    expect(large.vibrationMmS.slice(0, 10)).toEqual(small.vibrationMmS);
  });

  it('covers every device type and location, with parameters inside each type’s ranges', () => {
    const fleet = createFleet({ sensors: 3000, seed: 11 });
    expect(new Set(fleet.deviceType).size).toBe(DEVICE_TYPES.length);
    expect(new Set(fleet.location).size).toBe(LOCATIONS.length);
    const inRange = (v: number, [lo, hi]: readonly [number, number]) => v >= lo * 0.9999 && v <= hi * 1.0001;
    for (let i = 0; i < fleet.size; i++) {
      const spec = DEVICE_SPECS[DEVICE_TYPES[fleet.deviceType[i] as number] as keyof typeof DEVICE_SPECS];
      expect(inRange(fleet.ratedCurrentA[i] as number, spec.ratedCurrentA)).toBe(true);
      expect(inRange(fleet.powerFactor[i] as number, spec.powerFactor)).toBe(true);
      expect(inRange(fleet.pressureBar[i] as number, spec.pressureBar)).toBe(true);
      expect(inRange(fleet.thermalTauS[i] as number, spec.thermalTauS)).toBe(true);
      expect(fleet.nominalVoltageV[i]).toBe(spec.nominalVoltageV);
    }
    // Device types are drawn uniformly: each holds about a seventh of the fleet.
    for (let t = 0; t < DEVICE_TYPES.length; t++) {
      const share = fleet.deviceType.filter((d) => d === t).length / fleet.size;
      expect(share).toBeGreaterThan(0.12);
      expect(share).toBeLessThan(0.165);
    }
  });

  it('rejects an empty or fractional fleet', () => {
    expect(() => createFleet({ sensors: 0, seed: 1 })).toThrow(/positive integer/);
    expect(() => createFleet({ sensors: 2.5, seed: 1 })).toThrow(/positive integer/);
  });
});
