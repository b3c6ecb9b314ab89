/**
 * Pass one of `assess` for a live reading: every channel's features against its baseline, written
 * into the type's forest and test rows; the strongest test relative to its threshold; the worst
 * rule band; then the baselines learn from the reading (less when the tests flagged it).
 */
import { METRICS } from '../../domain/metric.ts';
import type { Reading } from '../../domain/reading.ts';
import type { BatchScratch, TypeBlock } from './batch-scratch.ts';
import {
  F_DZ,
  F_VOL,
  F_Z,
  F_ZS,
  FOREST_STRIDE,
  SENSOR_TEST_COUNT,
  T_DEVIATION,
  T_GAP,
  T_JUMP,
  T_MISSING,
  T_NOISE,
  T_STUCK,
  T_SUSTAINED,
  TEST_STRIDE,
} from './channel-features.ts';
import type { ChannelObservation, ChannelRates, ChannelState } from './channel-state.ts';
import { FOREST_ROW_WIDTH, TEST_ROW_WIDTH } from './device-type-state.ts';
import { bandSeverity, type RuleBand } from './rules.ts';
import type { SensorTrack } from './sensor-track.ts';

export interface ObserveContext {
  readonly rates: ChannelRates;
  readonly intervalRate: number;
  readonly flaggedLearnWeight: number;
  /** Rule band of each core metric (by METRICS index), if any. */
  readonly bands: readonly (RuleBand | undefined)[];
  /** Slots and values of the reading being observed (filled by the caller). */
  readonly slots: Int32Array;
  readonly values: Float64Array;
  readonly metricOf: Int32Array;
  readonly obs: ChannelObservation;
}

/** Observes reading `i` with this seq (its channels already in ctx.slots/values, `count` of them). */
export function observeReading(
  seq: number,
  i: number,
  track: SensorTrack,
  block: TypeBlock,
  count: number,
  ctx: ObserveContext,
  s: BatchScratch,
): void {
  const type = track.type;
  const ms = s.ms[i] as number;
  const row = block.add();
  s.row[i] = row;
  const fBase = row * FOREST_ROW_WIDTH;
  const tBase = row * TEST_ROW_WIDTH;
  const fRows = block.forestRows;
  const tRows = block.testRows;
  fRows.fill(0, fBase, fBase + type.forestWidth);
  tRows.fill(0, tBase, tBase + type.testWidth);
  const thresholds = type.thresholds;

  const gap = track.gapRatio(ms, seq);
  tRows[tBase + T_GAP] = gap;
  let best = gap / (thresholds[T_GAP] as number);
  let bestTest = T_GAP;
  let bestSigned = gap;
  let bestReference = track.interval;
  let bestRepeats = 0;
  let severity = 0;
  let band = -1;
  const stamp = track.readings + 1;
  const obs = ctx.obs;

  for (let j = 0; j < count; j++) {
    const slot = ctx.slots[j] as number;
    const x = ctx.values[j] as number;
    const channel = track.channels[slot] ?? track.addChannel(slot, x, ctx.rates);
    channel.seenAt = stamp;
    channel.observe(x, ms, ctx.rates, obs);
    const f = fBase + slot * FOREST_STRIDE;
    fRows[f + F_Z] = obs.z;
    fRows[f + F_ZS] = obs.zs;
    fRows[f + F_DZ] = obs.dz;
    fRows[f + F_VOL] = obs.vol;
    const t = SENSOR_TEST_COUNT + slot * TEST_STRIDE;
    const az = Math.abs(obs.z);
    const azs = Math.abs(obs.zs);
    const adz = Math.abs(obs.dz);
    const noise = obs.vol > 0 ? obs.vol : 0;
    tRows[tBase + t + T_DEVIATION] = az;
    tRows[tBase + t + T_SUSTAINED] = azs;
    tRows[tBase + t + T_JUMP] = adz;
    tRows[tBase + t + T_NOISE] = noise;
    tRows[tBase + t + T_STUCK] = obs.stuck;
    // The strongest test relative to its threshold explains the reading.
    let r = az / (thresholds[t + T_DEVIATION] as number);
    if (r > best) {
      best = r;
      bestTest = t + T_DEVIATION;
      bestSigned = obs.z;
      bestReference = obs.expected;
    }
    r = azs / (thresholds[t + T_SUSTAINED] as number);
    if (r > best) {
      best = r;
      bestTest = t + T_SUSTAINED;
      bestSigned = obs.zs;
      bestReference = obs.expected;
    }
    r = adz / (thresholds[t + T_JUMP] as number);
    if (r > best) {
      best = r;
      bestTest = t + T_JUMP;
      bestSigned = obs.dz;
    }
    r = noise / (thresholds[t + T_NOISE] as number);
    if (r > best) {
      best = r;
      bestTest = t + T_NOISE;
      bestSigned = obs.vol;
    }
    r = obs.stuck / (thresholds[t + T_STUCK] as number);
    if (r > best) {
      best = r;
      bestTest = t + T_STUCK;
      bestReference = channel.previous;
      bestRepeats = channel.repeats;
    }
    const metric = ctx.metricOf[j] as number;
    const rule = metric >= 0 ? ctx.bands[metric] : undefined;
    if (rule !== undefined) {
      const nominal = channel.nominalNow;
      const sev = bandSeverity(rule, x, nominal, channel.spread);
      if (sev > severity) {
        severity = sev;
        band = metric;
        s.bandValue[i] = x;
        s.bandNominal[i] = nominal;
      }
    }
  }

  let missing = 0;
  for (const slot of track.slots) if ((track.channels[slot] as ChannelState).seenAt !== stamp) missing++;
  tRows[tBase + T_MISSING] = missing;
  const rm = missing / (thresholds[T_MISSING] as number);
  if (rm > best) {
    best = rm;
    bestTest = T_MISSING;
    bestSigned = missing;
  }

  s.statRatio[i] = best;
  s.bestTest[i] = best >= 1 ? bestTest : -1;
  s.bestSigned[i] = bestSigned;
  s.bestReference[i] = bestReference;
  s.bestRepeats[i] = bestRepeats;
  s.severity[i] = severity;
  s.band[i] = band;

  const weight = best >= 1 ? ctx.flaggedLearnWeight : 1;
  for (let j = 0; j < count; j++) {
    const channel = track.channels[ctx.slots[j] as number] as ChannelState;
    channel.learn(ctx.values[j] as number, weight, ctx.rates);
  }
  track.note(ms, seq, best >= 1 ? 0 : ctx.intervalRate);
}

/**
 * Puts the reading's channels into ctx.slots/values (core metrics, the energy meter as a rate,
 * extras) and returns how many; -1 entries of metricOf mark extras.
 */
export function gatherChannels(
  reading: Reading,
  track: SensorTrack,
  ms: number,
  ctx: ObserveContext,
): number {
  const type = track.type;
  let n = 0;
  for (let k = 0; k < METRICS.length; k++) {
    const metric = METRICS[k] as (typeof METRICS)[number];
    let v = reading[metric];
    if (v === null) continue;
    if (metric === 'energy_kwh') {
      // A cumulative meter says nothing by its level; its rate (kW averaged since the last reading) does.
      const previous = track.lastEnergy;
      const since = ms - track.lastEnergyMs;
      track.lastEnergy = v;
      track.lastEnergyMs = ms;
      if (!(since > 0) || Number.isNaN(previous)) {
        const slot = type.slotOf('energy_kwh');
        const known = slot >= 0 ? track.channels[slot] : undefined;
        if (known) known.seenAt = track.readings + 1;
        continue;
      }
      v = (v - previous) / (since / 3_600_000);
    }
    const slot = type.coreSlot(k);
    if (slot < 0) continue;
    ctx.slots[n] = slot;
    ctx.values[n] = v;
    ctx.metricOf[n] = k;
    n++;
  }
  const extra = reading.extra;
  if (extra !== undefined) {
    for (const name in extra) {
      const slot = type.slotOf(name);
      if (slot < 0) continue;
      ctx.slots[n] = slot;
      ctx.values[n] = extra[name] as number;
      ctx.metricOf[n] = -1;
      n++;
    }
  }
  return n;
}
