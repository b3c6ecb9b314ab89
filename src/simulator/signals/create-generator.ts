/**
 * The signal generator: a pure function of (seed, sensor, slot time) and the sensor's own state.
 * `sample(i, slotMs)` advances sensor i to `slotMs` and returns its reading, or null while it is
 * silent (dropout). Sensors have independent random streams, so the values do not depend on the
 * order in which sensors are sampled or on how many there are.
 * The physics of a step is in step-physics.ts.
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
import { initialiseSensor } from './initial-state.ts';
import { loadProfile } from './load-profile.ts';
import { NOISE_CHANNELS, ouCoefficients } from './ornstein-uhlenbeck.ts';
import { allocateStates, type SensorStates } from './sensor-state.ts';
import { createPhysics, LOAD, PF } from './step-physics.ts';
import { createZoneClock, minuteOfWeek } from './zone-clock.ts';

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
  const physics = createPhysics(fleet, states, { nominalDtS, zone, profile });
  const channels = physics.channels;
  const started = new Float64Array(INJECTED_KINDS.length);
  const scales = new Float64Array(5);

  for (let i = 0; i < fleet.size; i++) {
    initialiseSensor(fleet, states, i, o.startMs, zone, profile, rng);
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

  function applyEpisode(i: number, code: number, slotMs: number): void {
    if (code === NO_EPISODE || code === OVERHEATING || code === DROPOUT || code === DROPOUT_ENDED) return;
    scales[0] = 0.5 * (fleet.ratedCurrentA[i] as number);
    scales[1] = 0.1 * (fleet.nominalVoltageV[i] as number);
    scales[2] = 15;
    scales[3] = 0.3 * (fleet.pressureBar[i] as number);
    scales[4] = 2;
    applyChannelEpisode(ep, i, code, slotMs, channels, scales, rng);
  }

  function sample(i: number, slotMs: number, jitterMs = 0): Reading | null {
    rng.load(states.rng, i);
    const last = states.lastMs[i] as number;
    const dtS = Number.isNaN(last) ? nominalDtS : (slotMs - last) / 1000;
    states.lastMs[i] = slotMs;
    const localMinute = zone.localMinute(slotMs);
    const code = advanceEpisode(i, slotMs, dtS);
    stepNoise(i, coefficientsFor(dtS));
    physics.step(i, code, slotMs, dtS, minuteOfWeek(localMinute));
    applyEpisode(i, code, slotMs);
    const pf = channels[PF] as number;
    const current = Math.max(0, channels[0] as number);
    const voltage = Math.max(0, channels[1] as number);
    const powerKw = (SQRT3 * voltage * current * pf) / 1000;
    physics.integrateMeter(i, powerKw, dtS, last, localMinute);
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
