/**
 * Detection quality on the labelled public data, with the detector the processor runs.
 *   npm run bench -- detection [--only skab|nab] [--detail]
 *
 * Protocols (fixed in advance, the same for every file; nothing is tuned per file):
 * - SKAB valve1: each experiment is its own sensor, streamed from its first row with a fresh
 *   detector. As in SKAB's own baselines, the first 400 rows (all normal) are the training part:
 *   they start the sensor's baseline and, replayed through the features, train the model (forest +
 *   calibrated thresholds). Every row, the training part included, is counted; F1, FAR and MAR are
 *   over all experiments together.
 * - NAB: each file is its own sensor, its value an extra channel (`extra.value`: no physical rule
 *   bands apply). NAB's probationary period (15% of the file, at most 750 rows) is the warm-up
 *   (baseline and model training, as for SKAB). Detections are alert
 *   onsets (a flag that opens an episode); NAB standard profile, normalized over all files.
 *   The score with every flagged reading counted as a detection is printed beside it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDetector } from '../src/processor/detect/create-detector.ts';
import {
  addConfusion,
  binaryMetrics,
  countReading,
  emptyConfusion,
} from '../src/processor/detect/evaluate/binary-metrics.ts';
import {
  createEpisodeTracker,
  createOnsetTracker,
} from '../src/processor/detect/evaluate/episode-tracker.ts';
import {
  type NabFileScore,
  normalizeNab,
  probationaryLength,
  scoreNabFile,
} from '../src/processor/detect/evaluate/nab-score.ts';
import { scoreFile } from '../src/processor/detect/evaluate/score-file.ts';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from '../src/processor/detect/options.ts';
import { loadNabWindows } from '../src/simulator/replay/nab-windows.ts';
import { datasetsDir } from '../test/support/datasets.ts';
import { printTable, writeResult } from './lib/report.ts';

const SKAB_TRAINING_ROWS = 400;

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { only: { type: 'string' }, detail: { type: 'boolean', default: false } },
  });
  const data = datasetsDir();
  const result: Record<string, unknown> = {};
  if (values.only !== 'nab') result.skab = await benchSkab(join(data, 'skab', 'valve1'), values.detail);
  if (values.only !== 'skab') result.nab = await benchNab(join(data, 'nab'), values.detail);
  writeResult('detection', result);
}

async function benchSkab(dir: string, detail: boolean) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  const total = emptyConfusion();
  const delays: number[] = [];
  const rows = [];
  for (const name of files) {
    const detector = createDetector({
      ...DEFAULT_DETECTOR_OPTIONS,
      baselineWarmup: SKAB_TRAINING_ROWS,
      modelWarmupRows: SKAB_TRAINING_ROWS,
    });
    const { rows: scored } = await scoreFile(join(dir, name), { detector });
    const confusion = emptyConfusion();
    const episodes = createEpisodeTracker();
    for await (const row of scored) {
      if (row.kind === 'error') throw new Error(`${name}:${row.line}: ${row.message}`);
      const labelled = row.reading.injected !== null;
      countReading(confusion, labelled, row.assessment.is_anomaly);
      const event = episodes.add(
        row.reading.sensor_id,
        Date.parse(row.reading.ts),
        row.reading.injected,
        row.assessment.is_anomaly,
      );
      if (event?.detectedDelayMs !== undefined) delays.push(event.detectedDelayMs / 1000);
    }
    addConfusion(total, confusion);
    const m = binaryMetrics(confusion);
    rows.push({ experiment: `valve1/${name}`, f1: m.f1, 'FAR %': 100 * m.far, 'MAR %': 100 * m.mar });
  }
  const m = binaryMetrics(total);
  const meanDelay = delays.length > 0 ? delays.reduce((a, b) => a + b, 0) / delays.length : Number.NaN;
  if (detail) printTable(rows);
  console.log('\nSKAB valve1 (16 experiments; published F1: Conv-AE 0.78, Isolation Forest 0.29)');
  printTable([
    {
      precision: m.precision,
      recall: m.recall,
      f1: m.f1,
      'FAR %': 100 * m.far,
      'MAR %': 100 * m.mar,
      'episodes detected': `${delays.length}/${files.length}`,
      'mean delay s': meanDelay,
    },
  ]);
  console.log(`target F1 > 0.78 with FAR < 15%: ${m.f1 > 0.78 && m.far < 0.15 ? 'met' : 'NOT met'}`);
  return { ...total, ...m, episodes: files.length, detected: delays.length, mean_delay_s: meanDelay };
}

async function benchNab(root: string, detail: boolean) {
  const categories = readdirSync(join(root, 'data')).sort();
  const onsetScores: NabFileScore[] = [];
  const flagScores: NabFileScore[] = [];
  const rows = [];
  for (const category of categories) {
    for (const name of readdirSync(join(root, 'data', category)).sort()) {
      const path = join(root, 'data', category, name);
      const windows = loadNabWindows(path, 'auto') ?? [];
      const times: number[] = [];
      const flags: boolean[] = [];
      const onsets: boolean[] = [];
      const first = await scoreFile(path, { detector: createDetector(), mapping: { nabLabels: 'none' } });
      let count = 0;
      for await (const _ of first.file.rows()) count++;
      const probation = Math.floor(probationaryLength(count));
      const options: DetectorOptions = {
        ...DEFAULT_DETECTOR_OPTIONS,
        baselineWarmup: probation,
        modelWarmupRows: probation,
      };
      const onset = createOnsetTracker(options.episodeQuietReadings);
      const { rows: scored } = await scoreFile(path, {
        detector: createDetector(options),
        mapping: { metric: 'extra.value', nabLabels: 'none' },
      });
      for await (const row of scored) {
        if (row.kind === 'error') throw new Error(`${name}:${row.line}: ${row.message}`);
        times.push(Date.parse(row.reading.ts));
        flags.push(row.assessment.is_anomaly);
        onsets.push(onset(row.reading.sensor_id, row.assessment.is_anomaly));
      }
      const byOnset = scoreNabFile(times, onsets, windows);
      const byFlag = scoreNabFile(times, flags, windows);
      onsetScores.push(byOnset);
      flagScores.push(byFlag);
      rows.push({
        file: `${category}/${name}`,
        windows: byOnset.windows,
        detected: byOnset.detectedWindows,
        'FP onsets': byOnset.falsePositives,
        'score onsets': byOnset.score,
        'FP flags': byFlag.falsePositives,
        'score flags': byFlag.score,
      });
    }
  }
  const onsetNab = normalizeNab(onsetScores);
  const flagNab = normalizeNab(flagScores);
  if (detail) printTable(rows);
  const windows = onsetScores.reduce((s, f) => s + f.windows, 0);
  const detected = onsetScores.reduce((s, f) => s + f.detectedWindows, 0);
  console.log(
    `\nNAB (${onsetScores.length} files, ${windows} windows; published standard: HTM 70.5, RCF 51.7, best 74.9)`,
  );
  printTable([
    {
      detections: 'alert onsets',
      'NAB standard': onsetNab,
      'windows detected': `${detected}/${windows}`,
      'false positives': onsetScores.reduce((s, f) => s + f.falsePositives, 0),
    },
    {
      detections: 'every flagged reading',
      'NAB standard': flagNab,
      'windows detected': `${flagScores.reduce((s, f) => s + f.detectedWindows, 0)}/${windows}`,
      'false positives': flagScores.reduce((s, f) => s + f.falsePositives, 0),
    },
  ]);
  console.log(`target > 70 (alert onsets): ${onsetNab > 70 ? 'met' : 'NOT met'}`);
  return {
    files: onsetScores.length,
    windows,
    detected,
    nab_standard_onsets: onsetNab,
    nab_standard_flags: flagNab,
  };
}
