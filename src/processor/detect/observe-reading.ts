/**
 * Pass one of `assess` for a live reading: every channel's features against its baseline, written
 * into the type's forest and test rows; the strongest test relative to its threshold; the worst
 * rule band; then the baselines learn from the reading (less when the tests flagged it).
 */
import type { BatchScratch, TypeBlock } from './batch-scratch.ts';
import {
  F_DZ,
  F_VOL,
  F_Z,
  F_ZS,
  FOREST_ROW_WIDTH,
  FOREST_STRIDE,
  SENSOR_TEST_COUNT,
  T_DEVIATION,
  T_GAP,
  T_JUMP,
  T_MISSING,
  T_NOISE,
  T_STUCK,
  T_SUSTAINED,
  TEST_ROW_WIDTH,
  TEST_STRIDE,
} from './channel-features.ts';
import type { ChannelObservation, ChannelRates } from './channel-layout.ts';
import type { ChannelState } from './channel-state.ts';
import { CONFIRMED_RUN } from './recovery-hold.ts';
import { bandSeverity, type RuleBand } from './rules.ts';
import type { SensorTrack } from './sensor-track.ts';

export interface ObserveContext {
  readonly rates: ChannelRates;
  readonly intervalRate: number;
  readonly flaggedLearnWeight: number;
  readonly acceptAfterReadings: number;
  readonly acceptAfterMs: number;
  readonly episodeQuietReadings: number;
  /** Per-reading decay of the longest recent silence (the slow reference's half-life). */
  readonly silenceMemory: number;
  /** Rule band of each core metric (by METRICS index), if any. */
  readonly bands: readonly (RuleBand | undefined)[];
  /** Slots and values of the reading being observed (filled by the caller). */
  readonly slots: Int32Array;
  readonly values: Float64Array;
  readonly metricOf: Int32Array;
  /** 1 where a channel's own tests flagged it (set per channel by observeReading). */
  readonly flagged: Uint8Array;
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
  // A silence no longer than one this sensor resumed from lately is its habit (a feed that stalls
  // for hours now and then), not news: only the first such silence, or a longer one, is flagged.
  const habit = track.longSilence;
  const gapThreshold = thresholds[T_GAP] as number;
  let best = gap / (habit > gapThreshold ? habit : gapThreshold);
  track.longSilence = habit * ctx.silenceMemory > gap ? habit * ctx.silenceMemory : gap;
  let bestTest = T_GAP;
  let bestSigned = gap;
  let bestReference = track.interval;
  let bestRepeats = 0;
  let severity = 0;
  let band = -1;
  const stamp = track.readings + 1;
  const obs = ctx.obs;
  // For the recovery hold: the held channel's sustained statistic, and the strongest one.
  const hold = track.hold;
  let heldRatio = 0;
  let heldZs = 0;
  let heldExpected = 0;
  let strongSlot = -1;
  let strongRatio = 0;
  let strongZs = 0;
  let strongExpected = 0;

  for (let j = 0; j < count; j++) {
    const slot = ctx.slots[j] as number;
    const x = ctx.values[j] as number;
    const channel = track.channels[slot] ?? track.addChannel(slot, x, ctx.rates);
    channel.seenAt = stamp;
    channel.observe(x, ms, ctx.rates, obs);
    const t = SENSOR_TEST_COUNT + slot * TEST_STRIDE;
    // What the whole type drifts is the day (a shift, the weather), not this sensor's fault: the
    // sustained test measures the drift beyond the fleet's (relative, since load scales every machine),
    // against this sensor's wander beyond it and how far its peers disagree (they ramp unevenly).
    const scale = Math.abs(obs.reference) + 1e-12;
    const common = type.peerDrift.commonDrift(slot, obs.drift / scale);
    if (common !== 0)
      obs.zs = channel.sustainedZ(obs.drift - common * scale, type.peerDrift.lastSpread * scale);
    const f = fBase + slot * FOREST_STRIDE;
    fRows[f + F_Z] = obs.z;
    fRows[f + F_ZS] = obs.zs;
    fRows[f + F_DZ] = obs.dz;
    fRows[f + F_VOL] = obs.vol;
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
    let own = r;
    if (r > best) {
      best = r;
      bestTest = t + T_DEVIATION;
      bestSigned = obs.z;
      bestReference = obs.expected;
    }
    r = azs / (thresholds[t + T_SUSTAINED] as number);
    if (r > own) own = r;
    if (slot === hold.slot) {
      heldRatio = obs.zs / (thresholds[t + T_SUSTAINED] as number);
      heldZs = obs.zs;
      heldExpected = obs.expected;
    }
    if (r > Math.abs(strongRatio)) {
      strongSlot = slot;
      strongRatio = obs.zs / (thresholds[t + T_SUSTAINED] as number);
      strongZs = obs.zs;
      strongExpected = obs.expected;
    }
    if (r > best) {
      best = r;
      bestTest = t + T_SUSTAINED;
      bestSigned = obs.zs;
      bestReference = obs.expected;
    }
    r = adz / (thresholds[t + T_JUMP] as number);
    if (r > own) own = r;
    if (r > best) {
      best = r;
      bestTest = t + T_JUMP;
      bestSigned = obs.dz;
    }
    r = noise / (thresholds[t + T_NOISE] as number);
    if (r > own) own = r;
    if (r > best) {
      best = r;
      bestTest = t + T_NOISE;
      bestSigned = obs.vol;
    }
    r = obs.stuck / (thresholds[t + T_STUCK] as number);
    if (r > own) own = r;
    ctx.flagged[j] = own >= 1 ? 1 : 0;
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

  // Only the tests' own flags count as a run (and slow learning); a held reading is a verdict.
  const tested = best >= 1;
  const run = track.flaggedRun;
  track.flaggedRun = tested ? run + 1 : 0;
  if (tested) hold.release();
  else if (hold.active) {
    if (hold.update(heldRatio)) best = 1;
  } else if (run >= CONFIRMED_RUN && hold.begin(strongSlot, strongRatio)) {
    best = 1;
    heldZs = strongZs;
    heldExpected = strongExpected;
  }
  if (!tested && hold.active) {
    bestTest = SENSOR_TEST_COUNT + hold.slot * TEST_STRIDE + T_SUSTAINED;
    bestSigned = heldZs;
    bestReference = heldExpected;
  }

  s.statRatio[i] = best;
  s.bestTest[i] = best >= 1 ? bestTest : -1;
  s.bestSigned[i] = bestSigned;
  s.bestReference[i] = bestReference;
  s.bestRepeats[i] = bestRepeats;
  s.severity[i] = severity;
  s.band[i] = band;

  // Only a channel its own tests flagged learns slowly: a hot motor's current keeps its baseline
  // current, or it would drift away from it and be flagged in turn.
  // A flag that has lasted longer than any fault we look for (1800 readings, or a day of data time
  // for a slow sensor) is a new normal, learned at full speed.
  const accepted = flaggedForLong(track, tested, ms, ctx) || track.flaggedRun > ctx.acceptAfterReadings;
  const flaggedWeight = accepted ? 1 : ctx.flaggedLearnWeight;
  // A channel learning slowly still moves its baselines as its peers' move (peer-drift.ts), and the
  // channels learning normally tell the peers how far theirs moved.
  const peers = type.peerDrift;
  for (let j = 0; j < count; j++) {
    const slot = ctx.slots[j] as number;
    const channel = track.channels[slot] as ChannelState;
    const x = ctx.values[j] as number;
    if (ctx.flagged[j] === 1 && flaggedWeight < 1) {
      channel.learn(x, flaggedWeight, ctx.rates, peers.levelMove(slot), peers.referenceMove(slot));
      continue;
    }
    const level = channel.level;
    const reference = channel.reference;
    channel.learn(x, 1, ctx.rates);
    const scale = Math.abs(reference) + 1e-12;
    peers.moved(slot, (channel.level - level) / scale, (channel.reference - reference) / scale);
  }
  track.note(ms, seq, tested ? 0 : ctx.intervalRate);
}

/**
 * True while this sensor's flags have gone on for acceptAfterMs of data time or more: pauses
 * shorter than episodeQuietReadings do not end them (a lasting change crosses its threshold now and
 * then as the reference catches up). At 1 Hz, 1800 flagged readings come long before a day.
 */
function flaggedForLong(track: SensorTrack, flagged: boolean, ms: number, ctx: ObserveContext): boolean {
  if (flagged) {
    track.flaggingQuiet = 0;
    if (Number.isNaN(track.flaggingSinceMs)) track.flaggingSinceMs = ms;
    else if (ms - track.flaggingSinceMs >= ctx.acceptAfterMs) return true;
  } else if (++track.flaggingQuiet >= ctx.episodeQuietReadings) track.flaggingSinceMs = Number.NaN;
  return false;
}
