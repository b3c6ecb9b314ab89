/**
 * Everything the detector keeps per sensor: the warm-up buffer (until its baseline starts), one
 * ChannelState per channel, the reporting rhythm (for gaps), and the open anomaly episode with the
 * evidence behind failure_probability. Bounded: a few numbers per channel, no history.
 */

import { median } from 'simple-statistics';
import { CHANNEL_STRIDE, type ChannelRates } from './channel-layout.ts';
import { ChannelState } from './channel-state.ts';
import { DailyProfile } from './daily-profile.ts';
import type { DeviceTypeState } from './device-type-state.ts';
import { DEFAULT_DETECTOR_OPTIONS } from './options.ts';
import { RecoveryHold } from './recovery-hold.ts';
import { WarmupBuffer } from './warmup-buffer.ts';
import { leftOutOfBaseline, WarmupScreen, type WarmupScreenOptions } from './warmup-screen.ts';

const DAY_MS = 86_400_000;
/** A daily profile is started once a sensor has reported for this long (saves memory before). */
const PROFILE_AFTER_MS = 6 * 3_600_000;

export class SensorTrack {
  /** Channel states by the device type's slot number. */
  readonly channels: (ChannelState | undefined)[] = [];
  /** The numbers of every channel, CHANNEL_STRIDE per channel in the order they were added. */
  private state = new Float64Array(0);
  /** Slots this sensor has reported, for noticing a channel that went missing. */
  readonly slots: number[] = [];
  /** Warm-up readings until the baseline starts, then null. */
  warm: WarmupBuffer | null;
  /** Judges warm-up readings until the baseline starts, then null. */
  screen: WarmupScreen | null;
  readings = 0;
  firstMs = Number.NaN;
  lastMs = Number.NaN;
  lastSeq = -1;
  /** Typical interval between readings (ms) and typical seq step. */
  interval = 0;
  seqStep = 1;
  /** The last meter reading, the smoothed rate and how many rates it averages, to turn the cumulative energy_kwh into kW. */
  readonly energy = { lastKwh: Number.NaN, lastMs: Number.NaN, rate: Number.NaN, rates: 0 };
  /** Open anomaly episode: start time (NaN when none) and readings since the last flag. */
  episodeStartMs = Number.NaN;
  quiet = 0;
  /** Consecutive readings the tests flagged. */
  flaggedRun = 0;
  /** Start of the flags going on now, pauses under episodeQuietReadings included (NaN: none), and the pause so far. */
  flaggingSinceMs = Number.NaN;
  flaggingQuiet = 0;
  /** The longest recent silence before a reading (in gapRatio's units), fading with the slow half-life. */
  longSilence = 0;
  /** A channel still returning after a confirmed anomaly keeps the sensor flagged (recovery-hold.ts). */
  readonly hold = new RecoveryHold();
  /** Leaky sum of anomaly evidence, behind failure_probability. */
  evidence = 0;
  profilesStarted = false;

  constructor(
    readonly sensorId: string,
    readonly type: DeviceTypeState,
    /** Readings the warm-up takes. */
    readonly warmupReadings = DEFAULT_DETECTOR_OPTIONS.baselineWarmup,
    private readonly screenOptions: WarmupScreenOptions = DEFAULT_DETECTOR_OPTIONS.warmupScreen,
  ) {
    this.warm = new WarmupBuffer(warmupReadings);
    this.screen = new WarmupScreen(screenOptions);
  }

  /**
   * Buffers one warm-up reading (its channels' slots and values, and the screen's flags of them);
   * returns readings buffered.
   */
  buffer(
    ms: number,
    seq: number,
    count: number,
    slots: ArrayLike<number>,
    values: ArrayLike<number>,
    screened?: ArrayLike<number>,
  ): number {
    const warm = this.warm as WarmupBuffer;
    warm.push(ms, seq, count, slots, values, screened);
    this.lastSeq = seq;
    return warm.readings;
  }

  /**
   * Ends warm-up: every channel's baseline starts from its buffered values, and the buffer is
   * handed back so the caller can replay it through the features (training rows for the model).
   * Time and seq are rewound to just before the first buffered reading for that replay. Spikes and
   * an overload in progress that the screen flagged are left out (leftOutOfBaseline), unless that
   * would leave a channel fewer values than the screen needs to judge.
   */
  start(rates: ChannelRates): WarmupBuffer {
    const warm = this.warm as WarmupBuffer;
    const bySlot = valuesBySlot(warm, null);
    const leftOut = leftOutOfBaseline(warm);
    if (leftOut !== null) {
      const need = Math.max(this.screenOptions.minReadings, 1);
      for (const [slot, clean] of valuesBySlot(warm, leftOut)) {
        if (clean.values.length >= need) bySlot.set(slot, clean);
      }
    }
    const readingTimes = warm.ms.subarray(0, warm.readings);
    this.interval = positiveMedian(steps(readingTimes), 1000);
    // A warm-up spanning long enough starts the daily profiles right away, from its own values.
    const span = (readingTimes[readingTimes.length - 1] as number) - (readingTimes[0] as number);
    if (span >= PROFILE_AFTER_MS) this.profilesStarted = true;
    this.state = new Float64Array(bySlot.size * CHANNEL_STRIDE);
    for (const [slot, { values, times }] of bySlot) {
      const channel = new ChannelState(slot, this.state, this.slots.length * CHANNEL_STRIDE);
      const profile = this.profilesStarted ? this.newProfile() : null;
      const deseasonalized = profile?.learnWarmup(values, times)
        ? values.map((x, i) => {
            profile.offsetAt(times[i] as number);
            return profile.deseasonalize(x);
          })
        : values;
      channel.start(deseasonalized, rates);
      channel.profile = profile;
      this.channels[slot] = channel;
      this.slots.push(slot);
    }
    this.seqStep = positiveMedian(steps(warm.seq.subarray(0, warm.readings)), 1);
    this.lastMs = (warm.ms[0] as number) - this.interval;
    this.lastSeq = (warm.seq[0] as number) - this.seqStep;
    this.warm = null;
    this.screen = null;
    return warm;
  }

  /** A channel first seen after warm-up starts from its first value. */
  addChannel(slot: number, value: number, rates: ChannelRates): ChannelState {
    const state = new Float64Array((this.slots.length + 1) * CHANNEL_STRIDE);
    state.set(this.state);
    this.state = state;
    for (const known of this.slots) (this.channels[known] as ChannelState).rebind(state);
    const channel = new ChannelState(slot, state, this.slots.length * CHANNEL_STRIDE);
    channel.start([value], rates);
    this.channels[slot] = channel;
    this.slots.push(slot);
    if (this.profilesStarted) channel.profile = this.newProfile();
    return channel;
  }

  /** Silence before a reading at (ms, seq), in typical intervals (or seq steps, if larger). */
  gapRatio(ms: number, seq: number): number {
    const byTime = this.interval > 0 ? (ms - this.lastMs) / this.interval : 0;
    const bySeq = (seq - this.lastSeq) / this.seqStep;
    return byTime > bySeq ? byTime : bySeq;
  }

  /** Records a reading's time and seq; learns the rhythm from ordinary intervals only. */
  note(ms: number, seq: number, learnRate = 0): void {
    if (this.readings === 0) this.firstMs = ms;
    const dt = ms - this.lastMs;
    if (learnRate > 0 && dt > 0 && dt < 3 * this.interval) this.interval += learnRate * (dt - this.interval);
    this.readings++;
    this.lastMs = ms;
    this.lastSeq = seq;
    if (!this.profilesStarted && this.warm === null && ms - this.firstMs >= PROFILE_AFTER_MS) {
      this.startProfiles();
    }
  }

  /** Daily profiles, once a sensor has run long enough for one to be worth its memory. */
  private startProfiles(): void {
    this.profilesStarted = true;
    for (const slot of this.slots) (this.channels[slot] as ChannelState).profile = this.newProfile();
  }

  /** A profile fitting this sensor's rhythm, or null: one needs several readings per bin a day. */
  private newProfile(): DailyProfile | null {
    const bins = this.type.profileBins;
    const perBinPerDay = DAY_MS / Math.max(bins, 1) / Math.max(this.interval, 1);
    return bins > 0 && perBinPerDay >= 2 ? new DailyProfile(bins, perBinPerDay) : null;
  }
}

/** Each slot's buffered values and their times, but for pairs marked in `leftOut`. */
function valuesBySlot(
  warm: WarmupBuffer,
  leftOut: Uint8Array | null,
): Map<number, { values: number[]; times: number[] }> {
  const bySlot = new Map<number, { values: number[]; times: number[] }>();
  for (let r = 0, pair = 0; r < warm.readings; r++) {
    for (let j = 0; j < (warm.counts[r] as number); j++, pair++) {
      if (leftOut !== null && leftOut[pair] === 1) continue;
      const slot = warm.slots[pair] as number;
      let list = bySlot.get(slot);
      if (!list) {
        list = { values: [], times: [] };
        bySlot.set(slot, list);
      }
      list.values.push(warm.values[pair] as number);
      list.times.push(warm.ms[r] as number);
    }
  }
  return bySlot;
}

function steps(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) out.push((values[i] as number) - (values[i - 1] as number));
  return out;
}

function positiveMedian(values: number[], fallback: number): number {
  const positive = values.filter((v) => v > 0);
  return positive.length > 0 ? median(positive) : fallback;
}
