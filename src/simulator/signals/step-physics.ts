/**
 * The physics of one step of one sensor, given its load schedule, noise and episode
 * (Δt = time since the sensor's previous slot):
 * - load L = schedule(type, local time) × loadScale × (1 + OU noise), 0 … 1.3 of rated current;
 * - current = I_rated·L; voltage = V_nominal·(1 + feeder offset + OU − 2 %·L) (line-to-line);
 * - cos φ = PF_rated − droop·(1 − L)² + OU: induction machines lose PF at light load;
 * - power_kw = √3·V·I·cos φ / 1000 (balanced three-phase); energy_kwh += power·Δt;
 * - temperature: first-order lag (τ per machine, 10–60 min) towards ambient(local hour) +
 *   rise·(I/I_rated)², since copper losses grow with I²; plus sensor noise;
 * - pressure = P_op·(1 + gain·(L − 0.7))·(1 + OU); vibration = v₀·(0.25 + 0.75·L)·(1 + 2·wear)·(1 + OU).
 */
import type { Fleet } from '../fleet/create-fleet.ts';
import { OVERHEATING } from './anomaly-episodes.ts';
import { integratedLoad, type LoadProfile } from './load-profile.ts';
import { NOISE_CHANNELS } from './ornstein-uhlenbeck.ts';
import type { SensorStates } from './sensor-state.ts';
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, type ZoneClock } from './zone-clock.ts';

/** Indexes into `channels` after a step: the episode channels first, then load and cos φ. */
export const LOAD = 5;
export const PF = 6;

/** Time constant of an overheating episode's extra heat, s. */
const HEAT_TAU_S = 240;
const NC = NOISE_CHANNELS.length;

/** Ambient temperature's daily shape by local minute: coolest at 03:00, warmest at 15:00. */
export const AMBIENT_WAVE = Float64Array.from({ length: MINUTES_PER_DAY }, (_, m) =>
  Math.sin((2 * Math.PI * (m / 60 - 9)) / 24),
);

/** Power at schedule load 1.0 with nominal voltage and rated PF, kW. */
export function meanPowerKw(fleet: Fleet, i: number): number {
  return (
    (Math.sqrt(3) *
      (fleet.nominalVoltageV[i] as number) *
      (fleet.ratedCurrentA[i] as number) *
      (fleet.loadScale[i] as number) *
      (fleet.powerFactor[i] as number)) /
    1000
  );
}

export interface PhysicsContext {
  readonly nominalDtS: number;
  readonly zone: ZoneClock;
  readonly profile: LoadProfile;
}

export interface Physics {
  /**
   * Scratch of one step: current, voltage, temperature, pressure, vibration (the episode channel
   * order), then load and cos φ. A typed array rather than a returned tuple: no allocation per step.
   */
  readonly channels: Float64Array;
  /** Advances the thermal state and fills `channels` for sensor `i`. */
  step(i: number, code: number, slotMs: number, dtS: number, mow: number): void;
  /** Adds the energy of the step to the meter. */
  integrateMeter(i: number, powerKw: number, dtS: number, lastMs: number, localMinute: number): void;
}

export function createPhysics(fleet: Fleet, states: SensorStates, context: PhysicsContext): Physics {
  const { nominalDtS, zone, profile } = context;
  const ep = states.episodes;
  const channels = new Float64Array(7);
  const nominalHeatDecay = Math.exp(-nominalDtS / HEAT_TAU_S);
  const thermalDecay = Float32Array.from(fleet.thermalTauS, (tau) => Math.exp(-nominalDtS / tau));

  /** The physics of one step into `channels`. */
  function step(i: number, code: number, slotMs: number, dtS: number, mow: number): void {
    const noise = states.noise;
    const nb = i * NC;
    const t = fleet.deviceType[i] as number;
    const rated = fleet.ratedCurrentA[i] as number;
    const scheduled = (profile.table[t * MINUTES_PER_WEEK + mow] as number) * (fleet.loadScale[i] as number);
    const load = Math.min(1.3, Math.max(0, scheduled * (1 + (noise[nb] as number))));
    const overloaded = code === OVERHEATING && slotMs < (ep.endMs[i] as number);
    const current = rated * load * (overloaded ? 1 + (ep.magnitude[i] as number) / 120 : 1);
    const voltage =
      (fleet.nominalVoltageV[i] as number) *
      (1 + (fleet.supplyOffset[i] as number) + (noise[nb + 1] as number) - 0.02 * load);
    const light = 1 - Math.min(1, load);
    const pfRaw =
      (fleet.powerFactor[i] as number) -
      (fleet.pfDroop[i] as number) * light * light +
      (noise[nb + 2] as number);

    // Thermal lag towards ambient + I²-proportional rise. The overload of an overheating episode
    // heats through its own, faster excess term instead, so that when the excess has decayed (and
    // the label ends) the machine is back to normal rather than still warm from the overload.
    const nominalStep = dtS === nominalDtS;
    const thermalA = nominalStep
      ? (thermalDecay[i] as number)
      : Math.exp(-dtS / (fleet.thermalTauS[i] as number));
    const ratio = load;
    const ambient =
      (fleet.ambientC[i] as number) +
      (fleet.ambientSwingC[i] as number) * (AMBIENT_WAVE[mow % MINUTES_PER_DAY] as number);
    const target = ambient + (fleet.temperatureRiseC[i] as number) * ratio * ratio;
    states.thermal[i] = target + ((states.thermal[i] as number) - target) * thermalA;
    const heatA = nominalStep ? nominalHeatDecay : Math.exp(-dtS / HEAT_TAU_S);
    const heatTarget = overloaded ? (ep.magnitude[i] as number) : 0;
    const heat = heatTarget + ((states.heat[i] as number) - heatTarget) * heatA;
    states.heat[i] = heat;

    channels[0] = current;
    channels[1] = voltage;
    channels[2] = (states.thermal[i] as number) + heat + (noise[nb + 5] as number);
    channels[3] =
      (fleet.pressureBar[i] as number) *
      (1 + (fleet.pressureLoadGain[i] as number) * (load - 0.7)) *
      (1 + (noise[nb + 3] as number));
    channels[4] =
      (fleet.vibrationMmS[i] as number) *
      (0.25 + 0.75 * load) *
      (1 + 2 * (states.wear[i] as number)) *
      (1 + (noise[nb + 4] as number)) *
      (1 + 0.01 * heat);
    channels[LOAD] = load;
    channels[PF] = Math.min(0.999, Math.max(0.2, pfRaw));
  }

  /**
   * The meter integrates power. Over a long gap (outage, skipped slots) the power of one instant
   * says little, so the gap is filled with the schedule's expected energy instead.
   */
  function integrateMeter(
    i: number,
    powerKw: number,
    dtS: number,
    lastMs: number,
    localMinute: number,
  ): void {
    if (dtS <= 2 * nominalDtS) {
      states.energyKwh[i] = (states.energyKwh[i] as number) + (powerKw * dtS) / 3600;
      return;
    }
    const t = fleet.deviceType[i] as number;
    const before = zone.localMinute(lastMs);
    const loadMinutes = integratedLoad(profile, t, localMinute) - integratedLoad(profile, t, before);
    states.energyKwh[i] =
      (states.energyKwh[i] as number) + (meanPowerKw(fleet, i) * Math.max(0, loadMinutes)) / 60;
  }

  return { channels, step, integrateMeter };
}
