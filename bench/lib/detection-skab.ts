/**
 * SKAB valve1 section of bench/detection.ts. Each experiment is its own sensor, streamed from its
 * first row with a fresh detector. As in SKAB's own baselines, the first 400 rows (all normal) are
 * the training part: they start the sensor's baseline and, replayed through the features, train
 * the model (forest + calibrated thresholds). Every row, the training part included, is counted;
 * F1, FAR and MAR are over the experiments of a split together.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDetector } from '../../src/processor/detect/create-detector.ts';
import {
  addConfusion,
  binaryMetrics,
  type Confusion,
  countReading,
  emptyConfusion,
} from '../../src/processor/detect/evaluate/binary-metrics.ts';
import { createEpisodeTracker } from '../../src/processor/detect/evaluate/episode-tracker.ts';
import { scoreFile } from '../../src/processor/detect/evaluate/score-file.ts';
import { DEFAULT_DETECTOR_OPTIONS } from '../../src/processor/detect/options.ts';
import { SPLITS, type Split, skabSplit } from './dataset-split.ts';
import { printTable } from './report.ts';

const SKAB_TRAINING_ROWS = 400;

interface SplitTotals {
  confusion: Confusion;
  delays: number[];
  experiments: number;
}

export async function benchSkab(dir: string, detail: boolean): Promise<Record<string, unknown>> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  const totals = new Map<Split, SplitTotals>(
    SPLITS.map((s) => [s, { confusion: emptyConfusion(), delays: [], experiments: 0 }]),
  );
  const rows = [];
  for (const name of files) {
    const split = skabSplit(Number.parseInt(name, 10));
    const total = totals.get(split) as SplitTotals;
    const { confusion, delays } = await scoreExperiment(join(dir, name));
    addConfusion(total.confusion, confusion);
    total.delays.push(...delays);
    total.experiments++;
    const m = binaryMetrics(confusion);
    rows.push({ experiment: `valve1/${name}`, split, f1: m.f1, 'FAR %': 100 * m.far, 'MAR %': 100 * m.mar });
  }
  if (detail) printTable(rows);
  console.log('\nSKAB valve1 (published F1: Conv-AE 0.78, MSET 0.78, Isolation Forest 0.29)');
  const out: Record<string, unknown> = {};
  const table = [];
  for (const split of SPLITS) {
    const t = totals.get(split) as SplitTotals;
    const m = binaryMetrics(t.confusion);
    const meanDelay =
      t.delays.length > 0 ? t.delays.reduce((a, b) => a + b, 0) / t.delays.length : Number.NaN;
    table.push({
      split,
      precision: m.precision,
      recall: m.recall,
      f1: m.f1,
      'FAR %': 100 * m.far,
      'MAR %': 100 * m.mar,
      'episodes detected': `${t.delays.length}/${t.experiments}`,
      'mean delay s': meanDelay,
      'target F1 > 0.78, FAR < 15%': m.f1 > 0.78 && m.far < 0.15 ? 'met' : 'NOT met',
    });
    out[split] = {
      ...t.confusion,
      ...m,
      episodes: t.experiments,
      detected: t.delays.length,
      mean_delay_s: meanDelay,
    };
  }
  printTable(table);
  return out;
}

async function scoreExperiment(path: string): Promise<{ confusion: Confusion; delays: number[] }> {
  const detector = createDetector({
    ...DEFAULT_DETECTOR_OPTIONS,
    baselineWarmup: SKAB_TRAINING_ROWS,
    warmupStagger: 0,
    modelWarmupRows: SKAB_TRAINING_ROWS,
  });
  const { rows: scored } = await scoreFile(path, { detector });
  const confusion = emptyConfusion();
  const delays: number[] = [];
  const episodes = createEpisodeTracker();
  for await (const row of scored) {
    if (row.kind === 'error') throw new Error(`${path}:${row.line}: ${row.message}`);
    const flagged = row.assessment.is_anomaly;
    countReading(confusion, row.reading.injected !== null, flagged);
    const event = episodes.add(
      row.reading.sensor_id,
      Date.parse(row.reading.ts),
      row.reading.injected,
      flagged,
    );
    if (event?.detectedDelayMs !== undefined) delays.push(event.detectedDelayMs / 1000);
  }
  return { confusion, delays };
}
