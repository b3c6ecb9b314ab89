/**
 * Pass three of `assess` for a live reading: combines the tests' verdict with the forest's into
 * the anomaly score, follows the sensor's anomaly episode and evidence, and phrases the reasons.
 * A warm-up reading the warm-up screen flagged comes here too, its finding posed as a deviation.
 */
import { METRICS } from '../../domain/metric.ts';
import type { Assessment } from '../../domain/sensor-state.ts';
import { type BatchScratch, KIND_SCREENED } from './batch-scratch.ts';
import { SENSOR_TEST_COUNT, T_GAP, T_MISSING, TEST_STRIDE } from './channel-features.ts';
import type { DeviceTypeState } from './device-type-state.ts';
import { describeChannelTest, describeForest, describeGap, describeMissing } from './reasons.ts';
import { failureProbability, nextEvidence, statusOf } from './risk.ts';
import { describeBand, type RuleBand, type Severity } from './rules.ts';
import type { SensorTrack } from './sensor-track.ts';

const NO_REASONS: readonly string[] = Object.freeze([]);

export interface ConcludeContext {
  readonly evidenceDecay: number;
  readonly evidenceScale: number;
  readonly episodeQuietReadings: number;
  readonly bands: readonly (RuleBand | undefined)[];
}

/** The reading's Assessment; `forestScore` is NaN when its type has no forest yet. */
export function concludeReading(
  i: number,
  track: SensorTrack,
  forestScore: number,
  ctx: ConcludeContext,
  s: BatchScratch,
): Assessment {
  const type = track.type;
  const ms = s.ms[i] as number;
  const statRatio = s.statRatio[i] as number;
  let forestRatio = 0;
  if (!Number.isNaN(forestScore) && forestScore > type.forestMedian) {
    forestRatio = (forestScore - type.forestMedian) / (type.forestThreshold - type.forestMedian);
  }
  const ratio = statRatio > forestRatio ? statRatio : forestRatio;
  const isAnomaly = ratio >= 1;
  if (isAnomaly) {
    if (Number.isNaN(track.episodeStartMs)) track.episodeStartMs = ms;
    track.quiet = 0;
  } else if (!Number.isNaN(track.episodeStartMs) && ++track.quiet >= ctx.episodeQuietReadings) {
    track.episodeStartMs = Number.NaN;
  }
  track.evidence = nextEvidence(track.evidence, ratio, ctx.evidenceDecay);
  const severity = s.severity[i] as Severity;
  const probability = failureProbability(track.evidence, severity, ctx.evidenceScale);
  const warmup = s.kind[i] === KIND_SCREENED;
  return {
    anomaly_score: ratio / (1 + ratio),
    is_anomaly: isAnomaly,
    failure_probability: probability,
    status: statusOf(isAnomaly, severity, probability),
    reasons:
      isAnomaly || severity > 0
        ? reasonsFor(i, track, type, statRatio, forestRatio, forestScore, ms, ctx, s, warmup)
        : NO_REASONS,
    model_version: warmup ? 'warmup' : type.version,
  };
}

function reasonsFor(
  i: number,
  track: SensorTrack,
  type: DeviceTypeState,
  statRatio: number,
  forestRatio: number,
  forestScore: number,
  ms: number,
  ctx: ConcludeContext,
  s: BatchScratch,
  warmup: boolean,
): string[] {
  const reasons: string[] = [];
  const lasting = !Number.isNaN(track.episodeStartMs) ? ms - track.episodeStartMs : 0;
  const test = s.bestTest[i] as number;
  if (statRatio >= 1 && test >= 0) {
    if (test === T_GAP) reasons.push(describeGap(s.bestSigned[i] as number, track.interval));
    else if (test === T_MISSING) reasons.push(describeMissing(s.bestSigned[i] as number));
    else {
      const slot = Math.floor((test - SENSOR_TEST_COUNT) / TEST_STRIDE);
      const finding = describeChannelTest(
        {
          channel: type.channels[slot] ?? `channel ${slot}`,
          test: (test - SENSOR_TEST_COUNT) % TEST_STRIDE,
          value: statRatio,
          signed: s.bestSigned[i] as number,
          reference: s.bestReference[i] as number,
          repeats: s.bestRepeats[i] as number,
        },
        lasting,
      );
      reasons.push(warmup ? `${finding} during warm-up` : finding);
    }
  }
  if (forestRatio >= 1) reasons.push(describeForest(type.deviceType, forestScore, type.forestThreshold));
  const severity = s.severity[i] as Severity;
  const band = s.band[i] as number;
  const rule = band >= 0 ? ctx.bands[band] : undefined;
  if (severity > 0 && rule !== undefined) {
    reasons.push(describeBand(rule, s.bandValue[i] as number, s.bandNominal[i] as number, severity));
  }
  return reasons;
}

/** METRICS index → its rule band. */
export function bandsByMetric(bands: readonly RuleBand[]): (RuleBand | undefined)[] {
  return METRICS.map((m) => bands.find((b) => b.metric === m));
}
