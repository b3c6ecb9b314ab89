/**
 * The evolving state of every sensor, as columns: its noise generator, noise levels, thermal
 * state, meter, and anomaly episode. About 170 bytes per sensor, allocated once; nothing grows
 * while the simulator runs.
 */
import type { Fleet } from '../fleet/create-fleet.ts';
import { seedStates } from '../random/sfc32.ts';
import { createEpisodeTable, type EpisodeTable } from './anomaly-episodes.ts';
import { NOISE_CHANNELS } from './ornstein-uhlenbeck.ts';

/** PRNG stream of the running noise (the fleet's constants use FLEET_STREAM). */
export const NOISE_STREAM = 2;

export interface SensorStates {
  readonly rng: Uint32Array;
  /** Slot time of the previous step, ms; NaN before the first. */
  readonly lastMs: Float64Array;
  /** OU noise levels, NOISE_CHANNELS.length per sensor, channel-major within a sensor. */
  readonly noise: Float64Array;
  /** Machine body temperature without overheating excess, °C. */
  readonly thermal: Float64Array;
  /** Extra heat of an overheating episode, °C. */
  readonly heat: Float64Array;
  /** The cumulative meter, kWh. */
  readonly energyKwh: Float64Array;
  readonly wear: Float32Array;
  readonly episodes: EpisodeTable;
}

export function allocateStates(fleet: Fleet): SensorStates {
  const n = fleet.size;
  return {
    rng: seedStates(fleet.seed, n, NOISE_STREAM),
    lastMs: new Float64Array(n).fill(Number.NaN),
    noise: new Float64Array(n * NOISE_CHANNELS.length),
    thermal: new Float64Array(n),
    heat: new Float64Array(n),
    energyKwh: new Float64Array(n),
    wear: Float32Array.from(fleet.wear),
    episodes: createEpisodeTable(n),
  };
}
