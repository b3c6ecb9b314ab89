/**
 * What `wattwatch score` reports about a labelled file: per-reading precision, recall, F1,
 * false-alarm and missed-alarm rates, episodes detected and their mean delay, and for NAB files the
 * NAB standard score (detections = alert onsets, the every-flag variant beside it).
 */
import type { Reading } from '../../../domain/reading.ts';
import type { Assessment } from '../../../domain/sensor-state.ts';
import type { TimeWindow } from '../../../simulator/replay/nab-windows.ts';
import { type BinaryMetrics, binaryMetrics, countReading, emptyConfusion } from './binary-metrics.ts';
import { createEpisodeTracker, createOnsetTracker } from './episode-tracker.ts';
import { type NabFileScore, normalizeNab, scoreNabFile } from './nab-score.ts';

export interface ScoreSummary {
  readonly readings: number;
  readonly labelled: number;
  readonly flagged: number;
  readonly metrics: BinaryMetrics;
  readonly episodes: number;
  readonly detected: number;
  readonly meanDelayMs: number;
  readonly meanDelayReadings: number;
  /** Present for NAB files with label windows. */
  readonly nab?: {
    readonly onsets: NabFileScore;
    readonly flags: NabFileScore;
    readonly normalizedOnsets: number;
    readonly normalizedFlags: number;
  };
}

export interface ScoreReport {
  add(reading: Reading, assessment: Assessment): void;
  summary(): ScoreSummary;
}

/** `nabWindows` non-null for a NAB file; `episodeQuiet` as the detector closes episodes. */
export function createScoreReport(
  nabWindows: readonly TimeWindow[] | null,
  episodeQuiet: number,
): ScoreReport {
  const confusion = emptyConfusion();
  const episodes = createEpisodeTracker();
  const onset = createOnsetTracker(episodeQuiet);
  const times: number[] = [];
  const flags: boolean[] = [];
  const onsets: boolean[] = [];
  let readings = 0;
  let labelled = 0;
  let flagged = 0;
  let episodeCount = 0;
  let detected = 0;
  let delayMs = 0;
  let delayReadings = 0;
  return {
    add(reading, assessment) {
      const ms = Date.parse(reading.ts);
      const flag = assessment.is_anomaly;
      readings++;
      if (reading.injected !== null) labelled++;
      if (flag) flagged++;
      countReading(confusion, reading.injected !== null, flag);
      const event = episodes.add(reading.sensor_id, ms, reading.injected, flag);
      if (event?.started) episodeCount++;
      if (event?.detectedDelayMs !== undefined) {
        detected++;
        delayMs += event.detectedDelayMs;
        delayReadings += event.detectedDelayReadings ?? 0;
      }
      if (nabWindows) {
        times.push(ms);
        flags.push(flag);
        onsets.push(onset(reading.sensor_id, flag));
      }
    },
    summary() {
      const summary: ScoreSummary = {
        readings,
        labelled,
        flagged,
        metrics: binaryMetrics(confusion),
        episodes: episodeCount,
        detected,
        meanDelayMs: detected > 0 ? delayMs / detected : Number.NaN,
        meanDelayReadings: detected > 0 ? delayReadings / detected : Number.NaN,
      };
      if (!nabWindows) return summary;
      const byOnset = scoreNabFile(times, onsets, nabWindows);
      const byFlag = scoreNabFile(times, flags, nabWindows);
      return {
        ...summary,
        nab: {
          onsets: byOnset,
          flags: byFlag,
          normalizedOnsets: normalizeNab([byOnset]),
          normalizedFlags: normalizeNab([byFlag]),
        },
      };
    },
  };
}

/** The summary as the lines `wattwatch score` prints. */
export function formatSummary(s: ScoreSummary): string {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const lines = [`readings ${s.readings}, labelled anomalous ${s.labelled}, flagged ${s.flagged}`];
  if (s.labelled === 0) {
    lines.push(`no labels: false-alarm rate = share flagged = ${pct(s.metrics.far)}`);
  } else {
    const m = s.metrics;
    lines.push(
      `precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  ` +
        `false-alarm rate ${pct(m.far)}  missed-alarm rate ${pct(m.mar)}`,
    );
    const delay = Number.isNaN(s.meanDelayMs)
      ? 'n/a'
      : `${(s.meanDelayMs / 1000).toFixed(1)} s (${s.meanDelayReadings.toFixed(1)} readings)`;
    lines.push(`labelled episodes ${s.episodes}, detected ${s.detected}, mean detection delay ${delay}`);
  }
  if (s.nab) {
    const { onsets } = s.nab;
    lines.push(
      `NAB standard profile, this file: ${s.nab.normalizedOnsets.toFixed(1)} with alert onsets as detections ` +
        `(raw ${onsets.score.toFixed(3)}, null ${onsets.nullScore}, perfect ${onsets.windows}; ` +
        `${onsets.detectedWindows}/${onsets.windows} windows, ${onsets.falsePositives} false positives); ` +
        `${s.nab.normalizedFlags.toFixed(1)} with every flagged reading`,
    );
  }
  return `${lines.join('\n')}\n`;
}
