import { COMMON_SETTINGS } from './common-settings.ts';
import { KAFKA_SETTINGS } from './kafka-settings.ts';
import { decimal, integer, keyedNumbers } from './parsers.ts';
import { PRODUCER_SETTINGS } from './producer-settings.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { HOST_SETTINGS, SITE_SETTINGS } from './site-settings.ts';

/**
 * The anomaly kinds the simulator injects: the domain's ANOMALY_KINDS without `labelled` (config
 * imports nothing of ours, so the list is repeated here; a simulator test keeps the two in step).
 */
export const SIMULATED_ANOMALY_KINDS = [
  'spike',
  'level_shift',
  'drift',
  'stuck',
  'noise_burst',
  'overheating',
  'dropout',
] as const;

export type SimulatedAnomalyKind = (typeof SIMULATED_ANOMALY_KINDS)[number];

/** Spikes are short and common; the slow kinds rarer. Weights, not rates: ANOMALY_RATE scales them. */
const DEFAULT_MIX: Record<SimulatedAnomalyKind, number> = {
  spike: 2,
  level_shift: 1,
  drift: 1,
  stuck: 1,
  noise_burst: 1,
  overheating: 1,
  dropout: 1,
};

/** Mean episode length in seconds (each episode draws 0.5x..1.5x); 0 = a single reading. */
const DEFAULT_DURATIONS_S: Record<SimulatedAnomalyKind, number> = {
  spike: 0,
  level_shift: 600,
  drift: 1200,
  stuck: 300,
  noise_burst: 120,
  overheating: 900,
  dropout: 120,
};

/** Settings of the fleet simulator (`wattwatch simulate`). */
export const SIMULATOR_SETTINGS = {
  sensors: defineSetting({
    env: 'TOTAL_SENSORS',
    flag: 'sensors',
    describe: 'number of simulated sensors',
    default: 300,
    ...integer(1, 2_000_000),
  }),
  seed: defineSetting({
    env: 'SIM_SEED',
    flag: 'seed',
    describe: 'random seed: the same seed gives the same fleet and the same values',
    default: 1,
    ...integer(0, 2 ** 32 - 1),
  }),
  ...PRODUCER_SETTINGS,
  workers: defineSetting({
    env: 'SIM_WORKERS',
    flag: 'workers',
    describe:
      'worker threads publishing, each with its own Kafka producer and a share of the fleet; ' +
      '0 = auto (one per 50,000 readings/s, at most one per CPU)',
    default: 0,
    ...integer(0, 64),
  }),
  jitter: defineSetting({
    env: 'SENSOR_JITTER',
    flag: 'jitter',
    describe: 'timestamp jitter of each reading as a fraction of the interval (readings are late by 0..this)',
    default: 0.05,
    ...decimal(0, 0.45),
  }),
  anomalyRate: defineSetting({
    env: 'ANOMALY_RATE',
    flag: 'anomaly-rate',
    describe: 'anomaly episodes started per sensor per hour, all kinds together',
    default: 0.5,
    ...decimal(0, 3600),
  }),
  anomalyMix: defineSetting({
    env: 'ANOMALY_MIX',
    flag: 'anomaly-mix',
    describe:
      'relative share of each kind in ANOMALY_RATE; kinds not listed are off (e.g. spike=1 injects only spikes)',
    default: Object.freeze(DEFAULT_MIX),
    ...keyedNumbers(SIMULATED_ANOMALY_KINDS, DEFAULT_MIX, { min: 0, max: 1000, unlisted: 'zero' }),
  }),
  anomalyDurations: defineSetting({
    env: 'ANOMALY_DURATIONS',
    flag: 'anomaly-durations',
    describe: 'mean episode length per kind in seconds (0 = one reading); kinds not listed keep the default',
    default: Object.freeze(DEFAULT_DURATIONS_S),
    ...keyedNumbers(SIMULATED_ANOMALY_KINDS, DEFAULT_DURATIONS_S, {
      min: 0,
      max: 7 * 86_400,
      unlisted: 'defaults',
    }),
  }),
} as const;

export const SIMULATE_SETTINGS = {
  ...COMMON_SETTINGS,
  ...KAFKA_SETTINGS,
  ...SITE_SETTINGS,
  ...HOST_SETTINGS,
  ...SIMULATOR_SETTINGS,
} as const;

export type SimulateConfig = ConfigOf<typeof SIMULATE_SETTINGS>;
export const DEFAULT_SIMULATE_CONFIG: SimulateConfig = defaultsOf(SIMULATE_SETTINGS);
