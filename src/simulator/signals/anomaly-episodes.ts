/**
 * Labelled anomaly episodes. Each sensor is in at most one episode at a time; while idle, an
 * episode of kind k starts with probability rate_k·Δt per step (a Poisson process per kind), lasts
 * 0.5–1.5× its mean duration, and labels every reading it covers with `injected: k`.
 *
 * - spike, level_shift, drift, stuck, noise_burst act on one channel (current, voltage,
 *   temperature, pressure or vibration); power is computed afterwards, so a current or voltage
 *   anomaly shows in power_kw as a real meter would show it.
 * - overheating raises current (an overload) and, with a thermal lag, temperature; the label stays
 *   until the excess heat has decayed below 1 °C, so the cool-down is not counted as normal.
 * - dropout: the sensor publishes nothing. Its state keeps running (the meter keeps counting) and
 *   the first reading after the silence carries `injected: 'dropout'`, so quality measurement
 *   knows the gap before it was injected.
 */

import { DEFAULT_SIMULATE_CONFIG } from '../../config/simulate-config.ts';
import { ANOMALY_KINDS, type AnomalyKind } from '../../domain/anomaly-kind.ts';
import type { Sfc32 } from '../random/sfc32.ts';

export type InjectedKind = Exclude<AnomalyKind, 'labelled'>;
export const INJECTED_KINDS = ANOMALY_KINDS.filter((k): k is InjectedKind => k !== 'labelled');

/** Episode codes in the state table: 0 = none, else 1 + index in INJECTED_KINDS. */
export const NO_EPISODE = 0;
export const SPIKE = 1;
export const LEVEL_SHIFT = 2;
export const DRIFT = 3;
export const STUCK = 4;
export const NOISE_BURST = 5;
export const OVERHEATING = 6;
export const DROPOUT = 7;

/** Channels an episode can act on, indexes into the generator's channel scratch array. */
export const CURRENT = 0;
export const VOLTAGE = 1;
export const TEMPERATURE = 2;
export const PRESSURE = 3;
export const VIBRATION = 4;
const ANY_CHANNEL = [CURRENT, VOLTAGE, TEMPERATURE, PRESSURE, VIBRATION];
/** Slow degradation shows in these; a drifting voltage would be the grid, not the machine. */
const DRIFT_CHANNELS = [TEMPERATURE, PRESSURE, VIBRATION, CURRENT];

export interface AnomalyOptions {
  /** Episodes started per sensor per hour, all kinds together. */
  readonly ratePerHour: number;
  /** Relative share of each kind. */
  readonly mix: Readonly<Record<InjectedKind, number>>;
  /** Mean duration per kind, seconds; 0 = a single reading. */
  readonly durationsS: Readonly<Record<InjectedKind, number>>;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = Object.freeze({
  ratePerHour: DEFAULT_SIMULATE_CONFIG.anomalyRate,
  mix: DEFAULT_SIMULATE_CONFIG.anomalyMix,
  durationsS: DEFAULT_SIMULATE_CONFIG.anomalyDurations,
});

export const NO_ANOMALIES: AnomalyOptions = Object.freeze({ ...DEFAULT_ANOMALY_OPTIONS, ratePerHour: 0 });

/** Per-sensor episode state, as columns. */
export interface EpisodeTable {
  readonly kind: Uint8Array;
  readonly channel: Uint8Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  /** Signed size in units of the channel's reference scale (overheating: target excess °C). */
  readonly magnitude: Float32Array;
  /** A stuck channel's frozen value; NaN until the first reading of the episode. */
  readonly held: Float64Array;
}

export function createEpisodeTable(n: number): EpisodeTable {
  return {
    kind: new Uint8Array(n),
    channel: new Uint8Array(n),
    startMs: new Float64Array(n),
    endMs: new Float64Array(n),
    magnitude: new Float32Array(n),
    held: new Float64Array(n).fill(Number.NaN),
  };
}

/** The options turned into what the hot loop needs. */
export interface EpisodePlan {
  readonly ratePerS: number;
  /** Cumulative shares of the kinds, ending at 1. */
  readonly cumulative: Float64Array;
  readonly meanDurationMs: Float64Array;
}

export function createEpisodePlan(options: AnomalyOptions): EpisodePlan {
  const weights = INJECTED_KINDS.map((k) => Math.max(0, options.mix[k] ?? 0));
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative = new Float64Array(weights.length);
  let running = 0;
  weights.forEach((w, k) => {
    running += total > 0 ? w / total : 0;
    cumulative[k] = running;
  });
  if (total > 0) cumulative[weights.length - 1] = 1;
  return {
    ratePerS: total > 0 ? options.ratePerHour / 3600 : 0,
    cumulative,
    meanDurationMs: Float64Array.from(INJECTED_KINDS, (k) => (options.durationsS[k] ?? 0) * 1000),
  };
}

/** Decides whether sensor `i` starts an episode at this step; returns its code or NO_EPISODE. */
export function maybeStartEpisode(
  plan: EpisodePlan,
  table: EpisodeTable,
  i: number,
  slotMs: number,
  dtS: number,
  rng: Sfc32,
): number {
  if (plan.ratePerS === 0) return NO_EPISODE;
  const p = Math.min(1, plan.ratePerS * dtS);
  const u = rng.uniform();
  if (u >= p) return NO_EPISODE;
  // Given u < p, u/p is uniform on [0, 1): reuse it to pick the kind.
  const pick = u / p;
  let k = 0;
  while (k < plan.cumulative.length - 1 && pick >= (plan.cumulative[k] as number)) k++;
  const code = k + 1;
  const duration = (plan.meanDurationMs[k] as number) * (0.5 + rng.uniform());
  table.kind[i] = code;
  table.startMs[i] = slotMs;
  table.endMs[i] = slotMs + Math.max(1, duration);
  table.held[i] = Number.NaN;
  table.channel[i] = pickChannel(code, rng);
  table.magnitude[i] = drawMagnitude(code, table.channel[i] as number, rng);
  return code;
}

function pickChannel(code: number, rng: Sfc32): number {
  if (code === OVERHEATING || code === DROPOUT) return TEMPERATURE;
  const choices = code === DRIFT ? DRIFT_CHANNELS : ANY_CHANNEL;
  return choices[rng.below(choices.length)] as number;
}

function drawMagnitude(code: number, channel: number, rng: Sfc32): number {
  const either = rng.uniform() < 0.5 ? -1 : 1;
  switch (code) {
    case SPIKE: {
      // Inrush, heat and knock spikes go up; voltage sags and pressure transients go either way.
      const sign = channel === VOLTAGE || channel === PRESSURE ? either : 1;
      return sign * rng.between(1.5, 3);
    }
    case LEVEL_SHIFT:
      return either * rng.between(0.5, 1);
    case DRIFT:
      return (channel === TEMPERATURE || channel === VIBRATION ? 1 : either) * rng.between(0.6, 1.2);
    case NOISE_BURST:
      return rng.between(0.25, 0.5);
    case OVERHEATING:
      return rng.between(25, 40);
    default:
      return 0;
  }
}

/**
 * Applies a channel episode to `values` (current, voltage, temperature, pressure, vibration, in
 * that order); `scales` holds the same sensor's reference scale per channel.
 */
export function applyChannelEpisode(
  table: EpisodeTable,
  i: number,
  code: number,
  slotMs: number,
  values: Float64Array,
  scales: Float64Array,
  rng: Sfc32,
): void {
  const c = table.channel[i] as number;
  const size = (table.magnitude[i] as number) * (scales[c] as number);
  switch (code) {
    case SPIKE:
    case LEVEL_SHIFT:
      values[c] = (values[c] as number) + size;
      return;
    case DRIFT: {
      const start = table.startMs[i] as number;
      const progress = Math.min(1, (slotMs - start) / ((table.endMs[i] as number) - start));
      values[c] = (values[c] as number) + size * progress;
      return;
    }
    case NOISE_BURST:
      values[c] = (values[c] as number) + size * rng.normal();
      return;
    case STUCK:
      if (Number.isNaN(table.held[i])) table.held[i] = values[c] as number;
      values[c] = table.held[i] as number;
      return;
  }
}

/** The label of an episode code. */
export function kindOf(code: number): InjectedKind | null {
  return code === NO_EPISODE ? null : (INJECTED_KINDS[code - 1] ?? null);
}
