/**
 * The signal generator: a pure function of (seed, sensor, slot time) and the sensor's own state.
 * `sample(i, slotMs)` advances sensor i to `slotMs` and returns its reading, or null while it is
 * silent (dropout). Sensors have independent random streams, so the values do not depend on the
 * order in which sensors are sampled or on how many there are.
 *
 * Physics, per sensor and step (Δt = time since its previous slot):
 * - load L = schedule(type, local time) × loadScale × (1 + OU noise), 0 … 1.3 of rated current;
 * - current = I_rated·L; voltage = V_nominal·(1 + feeder offset + OU − 2 %·L) (line-to-line);
 * - cos φ = PF_rated − droop·(1 − L)² + OU: induction machines lose PF at light load;
 * - power_kw = √3·V·I·cos φ / 1000 (balanced three-phase); energy_kwh += power·Δt;
 * - temperature: first-order lag (τ per machine, 10–60 min) towards ambient(local hour) +
 *   rise·(I/I_rated)², since copper losses grow with I²; plus sensor noise;
 * - pressure = P_op·(1 + gain·(L − 0.7))·(1 + OU); vibration = v₀·(0.25 + 0.75·L)·(1 + 2·wear)·(1 + OU).
 */
import { DEVICE_TYPES } from '../../domain/device-type.ts';
import { LOCATIONS } from '../../domain/location.ts';
import type { Reading } from '../../domain/reading.ts';
import { type Fleet, fleetColumnBytes } from '../fleet/create-fleet.ts';
import { Sfc32 } from '../random/sfc32.ts';
import {
  type AnomalyOptions,
  applyChannelEpisode,
  createEpisodePlan,
  DEFAULT_ANOMALY_OPTIONS,
  DROPOUT,
  INJECTED_KINDS,
  type InjectedKind,
  kindOf,
  maybeStartEpisode,
  NO_EPISODE,
  OVERHEATING,
} from './anomaly-episodes.ts';
import { createIsoFormatter } from './fast-iso.ts';
import { initialiseSensor, meanPowerKw } from './initial-state.ts';
import { integratedLoad, loadProfile } from './load-profile.ts';
import { NOISE_CHANNELS, ouCoefficients } from './ornstein-uhlenbeck.ts';
import { allocateStates, type SensorStates } from './sensor-state.ts';
import { createZoneClock, MINUTES_PER_DAY, MINUTES_PER_WEEK, minuteOfWeek } from './zone-clock.ts';

export interface GeneratorOptions {
  /** The simulated clock's origin: meters and temperatures start where they would be at this time. */
  readonly startMs: number;
  /** Nominal step of every sensor, ms. */
  readonly intervalMs: number;
  /** Shifts, nights and weekends follow this IANA zone. */
  readonly timeZone: string;
  readonly producerHost: string;
  readonly anomalies: AnomalyOptions;
}

export const DEFAULT_GENERATOR_OPTIONS: Omit<GeneratorOptions, 'startMs'> = Object.freeze({
  intervalMs: 1000,
  timeZone: 'UTC',
  producerHost: 'simulator',
  anomalies: DEFAULT_ANOMALY_OPTIONS,
});

export interface FleetGenerator {
  readonly fleet: Fleet;
  /** Advances sensor `i` to `slotMs`; its reading (ts = slot + jitterMs, seq = slot), or null when silent. */
  sample(i: number, slotMs: number, jitterMs?: number): Reading | null;
  /** Episodes started so far, per kind. */
  episodesStarted(): Record<InjectedKind, number>;
  /** Bytes held per sensor by the fleet's columns and the running state (sensor ids excluded). */
  bytesPerSensor(): number;
}

const SQRT3 = Math.sqrt(3);
const NC = NOISE_CHANNELS.length;
/** Full-load seconds until wear reaches 1 (five years): vibration creeps up over a long run. */
const WEAR_LIFE_S = 5 * 365 * 86_400;
/** Time constant of an overheating episode's extra heat, s. */
const HEAT_TAU_S = 240;
const LOAD = 5;
const PF = 6;
/** Returned by the episode step for the first reading after a dropout. */
const DROPOUT_ENDED = -1;
/** Published precision per channel. */
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function createGenerator(
  fleet: Fleet,
  options: Pick<GeneratorOptions, 'startMs'> & Partial<GeneratorOptions>,
): FleetGenerator {
  const o: GeneratorOptions = { ...DEFAULT_GENERATOR_OPTIONS, ...options };
  const profile = loadProfile();
  const zone = createZoneClock(o.timeZone);
  const plan = createEpisodePlan(o.anomalies);
  const states: SensorStates = allocateStates(fleet);
  const ep = states.episodes;
  const rng = new Sfc32();
  const iso = createIsoFormatter();
  const nominalDtS = o.intervalMs / 1000;
  const nominal = ouCoefficients(nominalDtS);
  const nominalHeatDecay = Math.exp(-nominalDtS / HEAT_TAU_S);
  const thermalDecay = Float32Array.from(fleet.thermalTauS, (tau) => Math.exp(-nominalDtS / tau));
  const ambientWave = Float64Array.from({ length: MINUTES_PER_DAY }, (_, m) =>
    Math.sin((2 * Math.PI * (m / 60 - 9)) / 24),
  );
  const started = new Float64Array(INJECTED_KINDS.length);
  /**
   * Scratch of one step: current, voltage, temperature, pressure, vibration (the episode channel
   * order), then load and cos φ. A typed array rather than a returned tuple: no allocation per step.
   */
  const channels = new Float64Array(7);
  const scales = new Float64Array(5);

  for (let i = 0; i < fleet.size; i++) {
    initialiseSensor(fleet, states, i, o.startMs, zone, profile, ambientWave, rng);
  }

  let cachedDt = nominalDtS;
  let cached = nominal;
  const coefficientsFor = (dtS: number): Float64Array => {
    if (dtS === nominalDtS) return nominal;
    if (dtS !== cachedDt) {
      cachedDt = dtS;
      cached = ouCoefficients(dtS);
    }
    return cached;
  };

  /** Ends the running episode when due, or maybe starts one; DROPOUT_ENDED marks the first reading after silence. */
  function advanceEpisode(i: number, slotMs: number, dtS: number): number {
    const code = ep.kind[i] as number;
    if (code !== NO_EPISODE) {
      const over =
        slotMs >= (ep.endMs[i] as number) && (code !== OVERHEATING || (states.heat[i] as number) < 1);
      if (!over) return code;
      ep.kind[i] = NO_EPISODE;
      if (code === DROPOUT) return DROPOUT_ENDED;
    }
    const next = maybeStartEpisode(plan, ep, i, slotMs, dtS, rng);
    if (next !== NO_EPISODE) started[next - 1] = (started[next - 1] as number) + 1;
    return next;
  }

  function stepNoise(i: number, co: Float64Array): void {
    const nb = i * NC;
    const noise = states.noise;
    for (let c = 0; c < NC; c++) {
      noise[nb + c] =
        (co[2 * c] as number) * (noise[nb + c] as number) + (co[2 * c + 1] as number) * rng.normal();
    }
  }

  /** The physics of one step into `channels`. */
  function stepPhysics(i: number, code: number, slotMs: number, dtS: number, mow: number): void {
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
      (fleet.ambientSwingC[i] as number) * (ambientWave[mow % MINUTES_PER_DAY] as number);
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

  function applyEpisode(i: number, code: number, slotMs: number): void {
    if (code === NO_EPISODE || code === OVERHEATING || code === DROPOUT || code === DROPOUT_ENDED) return;
    scales[0] = 0.5 * (fleet.ratedCurrentA[i] as number);
    scales[1] = 0.1 * (fleet.nominalVoltageV[i] as number);
    scales[2] = 15;
    scales[3] = 0.3 * (fleet.pressureBar[i] as number);
    scales[4] = 2;
    applyChannelEpisode(ep, i, code, slotMs, channels, scales, rng);
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

  function sample(i: number, slotMs: number, jitterMs = 0): Reading | null {
    rng.load(states.rng, i);
    const last = states.lastMs[i] as number;
    const dtS = Number.isNaN(last) ? nominalDtS : (slotMs - last) / 1000;
    states.lastMs[i] = slotMs;
    const localMinute = zone.localMinute(slotMs);
    const code = advanceEpisode(i, slotMs, dtS);
    stepNoise(i, coefficientsFor(dtS));
    stepPhysics(i, code, slotMs, dtS, minuteOfWeek(localMinute));
    applyEpisode(i, code, slotMs);
    const pf = channels[PF] as number;
    const current = Math.max(0, channels[0] as number);
    const voltage = Math.max(0, channels[1] as number);
    const powerKw = (SQRT3 * voltage * current * pf) / 1000;
    integrateMeter(i, powerKw, dtS, last, localMinute);
    states.wear[i] = (states.wear[i] as number) + ((channels[LOAD] as number) * dtS) / WEAR_LIFE_S;
    rng.store(states.rng, i);
    if (code === DROPOUT) return null;
    return {
      sensor_id: fleet.ids[i] as string,
      ts: iso(slotMs + jitterMs),
      seq: slotMs,
      device_type: DEVICE_TYPES[fleet.deviceType[i] as number] as Reading['device_type'],
      location: LOCATIONS[fleet.location[i] as number] as string,
      current: r2(current),
      voltage: r1(voltage),
      power_factor: r3(pf),
      power_kw: r3(powerKw),
      energy_kwh: r3(states.energyKwh[i] as number),
      temperature: r2(channels[2] as number),
      pressure: r3(Math.max(0, channels[3] as number)),
      vibration: r3(Math.max(0, channels[4] as number)),
      producer_host: o.producerHost,
      injected: code === DROPOUT_ENDED ? 'dropout' : kindOf(code),
    };
  }

  return {
    fleet,
    sample,
    episodesStarted: () =>
      Object.fromEntries(INJECTED_KINDS.map((k, c) => [k, started[c] as number])) as Record<
        InjectedKind,
        number
      >,
    bytesPerSensor: () => (fleetColumnBytes(fleet) + columnBytes(states) + columnBytes(ep)) / fleet.size,
  };
}

function columnBytes(columns: object): number {
  return Object.values(columns).reduce(
    (sum: number, v) => (ArrayBuffer.isView(v) ? sum + v.byteLength : sum),
    0,
  );
}
