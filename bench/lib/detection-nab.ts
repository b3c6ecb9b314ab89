/**
 * NAB section of bench/detection.ts. Each file is its own sensor, its value an extra channel
 * (`extra.value`: no physical rule bands apply). NAB's probationary period (15% of the file, at
 * most 750 rows) is the warm-up (baseline and model training). Detections are alert onsets (a flag
 * that opens an episode), scored with NAB's standard profile and normalized over the files of a
 * split; the score with every flagged reading counted as a detection is printed beside it. The
 * threshold is the detector's own (ratio ≥ 1), the same for every file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDetector } from '../../src/processor/detect/create-detector.ts';
import { createOnsetTracker } from '../../src/processor/detect/evaluate/episode-tracker.ts';
import {
  type NabFileScore,
  normalizeNab,
  probationaryLength,
  scoreNabFile,
} from '../../src/processor/detect/evaluate/nab-score.ts';
import { scoreFile } from '../../src/processor/detect/evaluate/score-file.ts';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from '../../src/processor/detect/options.ts';
import { loadNabWindows } from '../../src/simulator/replay/nab-windows.ts';
import { nabSplit, SPLITS, type Split } from './dataset-split.ts';
import { printTable } from './report.ts';

interface FileResult {
  readonly split: Split;
  readonly onsets: NabFileScore;
  readonly flags: NabFileScore;
}

export async function benchNab(root: string, detail: boolean): Promise<Record<string, unknown>> {
  const results: FileResult[] = [];
  const rows = [];
  for (const category of readdirSync(join(root, 'data')).sort()) {
    const names = readdirSync(join(root, 'data', category)).sort();
    for (const [index, name] of names.entries()) {
      const split = nabSplit(index);
      const result = await scoreNab(join(root, 'data', category, name));
      results.push({ split, ...result });
      rows.push({
        file: `${category}/${name}`,
        split,
        windows: result.onsets.windows,
        detected: result.onsets.detectedWindows,
        'FP onsets': result.onsets.falsePositives,
        'score onsets': result.onsets.score,
        'FP flags': result.flags.falsePositives,
        'score flags': result.flags.score,
      });
    }
  }
  if (detail) printTable(rows);
  console.log('\nNAB (published standard profile, whole corpus: ARTime 74.9, HTM 70.5, RCF 51.7)');
  const table = [];
  const out: Record<string, unknown> = {};
  for (const split of SPLITS) {
    const mine = results.filter((r) => r.split === split);
    const onsets = mine.map((r) => r.onsets);
    const flags = mine.map((r) => r.flags);
    const windows = sum(onsets, (f) => f.windows);
    const score = normalizeNab(onsets);
    table.push({
      split,
      files: mine.length,
      'NAB standard (onsets)': score,
      'windows detected': `${sum(onsets, (f) => f.detectedWindows)}/${windows}`,
      'false positives': sum(onsets, (f) => f.falsePositives),
      'NAB (every flag)': normalizeNab(flags),
      'target > 70': score > 70 ? 'met' : 'NOT met',
    });
    out[split] = {
      files: mine.length,
      windows,
      detected: sum(onsets, (f) => f.detectedWindows),
      false_positives: sum(onsets, (f) => f.falsePositives),
      nab_standard_onsets: score,
      nab_standard_flags: normalizeNab(flags),
    };
  }
  printTable(table);
  return out;
}

async function scoreNab(path: string): Promise<{ onsets: NabFileScore; flags: NabFileScore }> {
  const windows = loadNabWindows(path, 'auto') ?? [];
  const counting = await scoreFile(path, { detector: createDetector(), mapping: { nabLabels: 'none' } });
  let count = 0;
  for await (const _ of counting.file.rows()) count++;
  const probation = Math.floor(probationaryLength(count));
  const options: DetectorOptions = {
    ...DEFAULT_DETECTOR_OPTIONS,
    baselineWarmup: probation,
    warmupStagger: 0,
    modelWarmupRows: probation,
  };
  const onset = createOnsetTracker(options.episodeQuietReadings);
  const times: number[] = [];
  const flags: boolean[] = [];
  const onsets: boolean[] = [];
  const { rows } = await scoreFile(path, {
    detector: createDetector(options),
    mapping: { metric: 'extra.value', nabLabels: 'none' },
  });
  for await (const row of rows) {
    if (row.kind === 'error') throw new Error(`${path}:${row.line}: ${row.message}`);
    times.push(Date.parse(row.reading.ts));
    flags.push(row.assessment.is_anomaly);
    onsets.push(onset(row.reading.sensor_id, row.assessment.is_anomaly));
  }
  return { onsets: scoreNabFile(times, onsets, windows), flags: scoreNabFile(times, flags, windows) };
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  return items.reduce((s, item) => s + f(item), 0);
}
