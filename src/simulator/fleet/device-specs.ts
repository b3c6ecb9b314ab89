/**
 * What each kind of equipment looks like electrically, thermally and mechanically. Per-sensor
 * values are drawn inside these ranges. Normal operation stays inside the seed system's threshold
 * bands (temperature < 80 °C, vibration mostly < 4.5 mm/s ISO 10816 zone B, voltage within ±5 %,
 * current mostly < 90 % of rated), so a rule layer using those bands trips on anomalies, not on
 * ordinary days. All equipment is three-phase; `voltage` is line-to-line.
 */
import type { DeviceType } from '../../domain/device-type.ts';

export type Range = readonly [lo: number, hi: number];

/** Mean load (fraction of rated current) by time of week, before per-sensor scaling and noise. */
export interface LoadSchedule {
  /** Weekday shifts, 06:00–22:00 local. */
  readonly shift: number;
  /** Weekday night, 22:00–06:00. */
  readonly night: number;
  /** Saturday morning shift, 06:00–14:00. */
  readonly saturday: number;
  /** Saturday afternoon and night, and all of Sunday. */
  readonly weekend: number;
  /** Fraction of the shift load dropped over lunch, 12:00–12:45 (15-minute ramps either side). */
  readonly lunchDip: number;
  /** Extra load in the warm afternoon (cooling): amplitude of a daily sine peaking at 15:00. */
  readonly afternoonGain: number;
}

export interface DeviceSpec {
  readonly ratedCurrentA: Range;
  readonly nominalVoltageV: number;
  /** cos φ at rated load. */
  readonly powerFactor: Range;
  /** cos φ lost at no load (induction motors run at poor PF when lightly loaded; heaters do not). */
  readonly pfDroop: number;
  /** Operating pressure at typical (70 %) load, bar. */
  readonly pressureBar: Range;
  /** Relative pressure change per unit of load away from 70 %. */
  readonly pressureLoadGain: number;
  /** Temperature rise over ambient at rated current, °C (losses grow with I²). */
  readonly temperatureRiseC: Range;
  /** Thermal time constant, s: how slowly temperature follows load. */
  readonly thermalTauS: Range;
  /** Vibration velocity RMS at rated load on a new machine, mm/s. */
  readonly vibrationMmS: Range;
  readonly schedule: LoadSchedule;
}

export const DEVICE_SPECS: Readonly<Record<DeviceType, DeviceSpec>> = {
  motor: {
    ratedCurrentA: [15, 120],
    nominalVoltageV: 400,
    powerFactor: [0.82, 0.89],
    pfDroop: 0.3,
    pressureBar: [1.5, 3], // bearing lubrication oil
    pressureLoadGain: 0.1,
    temperatureRiseC: [32, 42],
    thermalTauS: [900, 1800],
    vibrationMmS: [1.2, 2.2],
    schedule: { shift: 0.72, night: 0.18, saturday: 0.45, weekend: 0.12, lunchDip: 0.25, afternoonGain: 0 },
  },
  compressor: {
    ratedCurrentA: [40, 250],
    nominalVoltageV: 400,
    powerFactor: [0.84, 0.9],
    pfDroop: 0.25,
    pressureBar: [6.5, 9], // compressed-air discharge
    pressureLoadGain: 0.15,
    temperatureRiseC: [32, 42],
    thermalTauS: [600, 1200],
    vibrationMmS: [1.8, 2.8],
    // Leaks keep a compressor loaded at night and on weekends.
    schedule: { shift: 0.78, night: 0.38, saturday: 0.55, weekend: 0.3, lunchDip: 0.1, afternoonGain: 0 },
  },
  conveyor: {
    ratedCurrentA: [5, 40],
    nominalVoltageV: 400,
    powerFactor: [0.74, 0.84],
    pfDroop: 0.3,
    pressureBar: [4.5, 6.5], // pneumatic belt tensioner
    pressureLoadGain: 0.05,
    temperatureRiseC: [20, 32],
    thermalTauS: [600, 1200],
    vibrationMmS: [1, 2.2],
    schedule: { shift: 0.68, night: 0.05, saturday: 0.4, weekend: 0.04, lunchDip: 0.6, afternoonGain: 0 },
  },
  furnace: {
    ratedCurrentA: [80, 400],
    nominalVoltageV: 690,
    powerFactor: [0.95, 0.99],
    pfDroop: 0.02,
    pressureBar: [0.02, 0.06], // combustion-air / chamber over-pressure
    pressureLoadGain: 0.3,
    temperatureRiseC: [28, 38], // shell temperature, not the chamber
    thermalTauS: [1800, 3600],
    vibrationMmS: [0.4, 1],
    // Kept hot overnight and at weekends: reheating costs more than holding.
    schedule: { shift: 0.8, night: 0.5, saturday: 0.6, weekend: 0.45, lunchDip: 0, afternoonGain: 0 },
  },
  pump: {
    ratedCurrentA: [10, 90],
    nominalVoltageV: 400,
    powerFactor: [0.82, 0.88],
    pfDroop: 0.3,
    pressureBar: [3, 8], // discharge
    pressureLoadGain: 0.5,
    temperatureRiseC: [24, 36],
    thermalTauS: [600, 1200],
    vibrationMmS: [1.5, 2.6],
    schedule: { shift: 0.7, night: 0.4, saturday: 0.5, weekend: 0.35, lunchDip: 0.05, afternoonGain: 0 },
  },
  generator: {
    ratedCurrentA: [150, 600],
    nominalVoltageV: 400,
    powerFactor: [0.8, 0.9],
    pfDroop: 0.1,
    pressureBar: [3.5, 5], // lubrication oil
    pressureLoadGain: 0.05,
    temperatureRiseC: [34, 44],
    thermalTauS: [1200, 2400],
    vibrationMmS: [2, 2.9],
    schedule: { shift: 0.6, night: 0.25, saturday: 0.35, weekend: 0.2, lunchDip: 0.05, afternoonGain: 0 },
  },
  cooling_tower: {
    ratedCurrentA: [10, 60],
    nominalVoltageV: 400,
    powerFactor: [0.8, 0.87],
    pfDroop: 0.3,
    pressureBar: [1.2, 2.5], // water supply
    pressureLoadGain: 0.2,
    temperatureRiseC: [20, 30],
    thermalTauS: [600, 1200],
    vibrationMmS: [1.8, 2.9],
    schedule: { shift: 0.6, night: 0.42, saturday: 0.5, weekend: 0.38, lunchDip: 0, afternoonGain: 0.15 },
  },
};

/** Ambient temperature of each simulated zone, °C, and its daily swing (± around the mean). */
export const ZONE_AMBIENT_C: Readonly<Record<string, { readonly mean: number; readonly swing: number }>> = {
  floor_a: { mean: 22, swing: 2.5 },
  floor_b: { mean: 22, swing: 2.5 },
  floor_c: { mean: 23, swing: 2.5 },
  assembly_line: { mean: 23, swing: 3 },
  warehouse: { mean: 16, swing: 5 },
  production_a: { mean: 27, swing: 3 },
  production_b: { mean: 27, swing: 3 },
};
