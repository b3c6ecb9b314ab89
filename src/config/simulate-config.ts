import { COMMON_SETTINGS } from './common-settings.ts';
import { KAFKA_SETTINGS } from './kafka-settings.ts';
import { decimal, integer, text } from './parsers.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { HOST_SETTINGS, SITE_SETTINGS } from './site-settings.ts';

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
  producerId: defineSetting({
    env: 'PRODUCER_ID',
    flag: 'producer-id',
    describe: 'identity of this producer in heartbeats',
    default: 'simulator-1',
    ...text({ pattern: /^[A-Za-z0-9._:-]{1,64}$/, what: 'letters, digits, . _ : - (up to 64)' }),
  }),
  heartbeatIntervalMs: defineSetting({
    env: 'HEARTBEAT_INTERVAL_MS',
    flag: 'heartbeat-ms',
    describe: 'how often the producer publishes a heartbeat, in milliseconds',
    default: 2000,
    ...integer(100, 60_000),
  }),
  anomalyRate: defineSetting({
    env: 'ANOMALY_RATE',
    flag: 'anomaly-rate',
    describe: 'anomaly episodes started per sensor per hour, all kinds together',
    default: 0.5,
    ...decimal(0, 3600),
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
