/**
 * The simulated fleet: who each sensor is and the physical constants of its machine, drawn once
 * from the seed. Stored as columns (typed arrays) rather than an object per sensor, so a
 * 1,000,000-sensor fleet is a few dozen flat arrays: fast to build, compact, and friendly to the
 * generator's hot loop.
 */
import { DEVICE_TYPES } from '../../domain/device-type.ts';
import { LOCATIONS } from '../../domain/location.ts';
import { Sfc32 } from '../random/sfc32.ts';
import { DEVICE_SPECS, type DeviceSpec, type Range, ZONE_AMBIENT_C } from './device-specs.ts';

export interface FleetOptions {
  readonly sensors: number;
  readonly seed: number;
}

export const DEFAULT_FLEET_OPTIONS: FleetOptions = Object.freeze({ sensors: 300, seed: 1 });

/** PRNG stream of the fleet's constants; the generator draws its noise from another stream. */
export const FLEET_STREAM = 1;

export interface Fleet {
  readonly size: number;
  readonly seed: number;
  /** `sensor_000`…: zero-padded to the width of the largest index, at least three digits. */
  readonly ids: readonly string[];
  /** Index into DEVICE_TYPES / LOCATIONS. */
  readonly deviceType: Uint8Array;
  readonly location: Uint8Array;
  readonly ratedCurrentA: Float32Array;
  readonly nominalVoltageV: Float32Array;
  /** Steady supply deviation from nominal at this sensor's feeder (±2 %). */
  readonly supplyOffset: Float32Array;
  readonly powerFactor: Float32Array;
  readonly pfDroop: Float32Array;
  readonly pressureBar: Float32Array;
  readonly pressureLoadGain: Float32Array;
  readonly ambientC: Float32Array;
  readonly ambientSwingC: Float32Array;
  readonly temperatureRiseC: Float32Array;
  readonly thermalTauS: Float32Array;
  readonly vibrationMmS: Float32Array;
  /** 0 = new; vibration grows with wear. */
  readonly wear: Float32Array;
  /** This machine's share of its type's schedule (some lines run harder than others). */
  readonly loadScale: Float32Array;
  /** Days the meter had been running before 2025-01-01 (so meters start at realistic totals). */
  readonly meterAgeDays: Float32Array;
}

export function createFleet(options: FleetOptions = DEFAULT_FLEET_OPTIONS): Fleet {
  const n = options.sensors;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`sensors must be a positive integer, got ${n}`);
  const f32 = () => new Float32Array(n);
  const fleet = {
    size: n,
    seed: options.seed,
    ids: sensorIds(n),
    deviceType: new Uint8Array(n),
    location: new Uint8Array(n),
    ratedCurrentA: f32(),
    nominalVoltageV: f32(),
    supplyOffset: f32(),
    powerFactor: f32(),
    pfDroop: f32(),
    pressureBar: f32(),
    pressureLoadGain: f32(),
    ambientC: f32(),
    ambientSwingC: f32(),
    temperatureRiseC: f32(),
    thermalTauS: f32(),
    vibrationMmS: f32(),
    wear: f32(),
    loadScale: f32(),
    meterAgeDays: f32(),
  };
  const rng = new Sfc32();
  // Looked up by index once, not by name per sensor: creation stays fast for a million sensors.
  const specs = DEVICE_TYPES.map((type) => DEVICE_SPECS[type]);
  const zones = LOCATIONS.map((zone) => ZONE_AMBIENT_C[zone] ?? { mean: 22, swing: 3 });
  for (let i = 0; i < n; i++) drawSensor(fleet, i, rng.seed(options.seed, i, FLEET_STREAM), specs, zones);
  return fleet;
}

function drawSensor(
  fleet: Fleet,
  i: number,
  rng: Sfc32,
  specs: readonly DeviceSpec[],
  zones: readonly { readonly mean: number; readonly swing: number }[],
): void {
  const t = rng.below(specs.length);
  const z = rng.below(zones.length);
  const spec = specs[t] as DeviceSpec;
  const zone = zones[z] as { readonly mean: number; readonly swing: number };
  fleet.deviceType[i] = t;
  fleet.location[i] = z;
  // Log-uniform: small machines are as common as large ones across a decade of sizes.
  const [lo, hi] = spec.ratedCurrentA;
  fleet.ratedCurrentA[i] = lo * (hi / lo) ** rng.uniform();
  fleet.nominalVoltageV[i] = spec.nominalVoltageV;
  fleet.supplyOffset[i] = rng.between(-0.02, 0.02);
  fleet.powerFactor[i] = between(rng, spec.powerFactor);
  fleet.pfDroop[i] = spec.pfDroop;
  fleet.pressureBar[i] = between(rng, spec.pressureBar);
  fleet.pressureLoadGain[i] = spec.pressureLoadGain;
  fleet.ambientC[i] = zone.mean + rng.between(-1.5, 1.5);
  fleet.ambientSwingC[i] = zone.swing;
  fleet.temperatureRiseC[i] = between(rng, spec.temperatureRiseC);
  fleet.thermalTauS[i] = between(rng, spec.thermalTauS);
  fleet.vibrationMmS[i] = between(rng, spec.vibrationMmS);
  fleet.wear[i] = rng.between(0, 0.25);
  fleet.loadScale[i] = rng.between(0.85, 1.05);
  fleet.meterAgeDays[i] = rng.between(30, 1500);
}

function between(rng: Sfc32, range: Range): number {
  return rng.between(range[0], range[1]);
}

function sensorIds(n: number): string[] {
  const width = Math.max(3, String(n - 1).length);
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = `sensor_${String(i).padStart(width, '0')}`;
  return ids;
}

/** Bytes of per-sensor columns (ids excluded), for memory budgets and the 100k test. */
export function fleetColumnBytes(fleet: Fleet): number {
  return Object.values(fleet).reduce(
    (sum: number, v) => (ArrayBuffer.isView(v) ? sum + (v as Uint8Array).byteLength : sum),
    0,
  );
}
