/**
 * `wattwatch score FILE`: the processor's detector over a recorded CSV, one output row per
 * reading, and quality figures when the file is labelled. See src/processor/detect/README.md for
 * the evaluation protocol.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { SCORE_SETTINGS, type ScoreConfig } from '../../config/score-config.ts';
import { createDetector } from '../../processor/detect/create-detector.ts';
import { probationaryLength } from '../../processor/detect/evaluate/nab-score.ts';
import { SCORE_CSV_HEADER, scoreCsvRow } from '../../processor/detect/evaluate/score-csv.ts';
import { scoreFile } from '../../processor/detect/evaluate/score-file.ts';
import { createScoreReport, formatSummary } from '../../processor/detect/evaluate/score-report.ts';
import { DEFAULT_DETECTOR_OPTIONS, type DetectorOptions } from '../../processor/detect/options.ts';
import { loadNabWindows } from '../../simulator/replay/nab-windows.ts';
import { openReplayFile } from '../../simulator/replay/read-replay-file.ts';
import type { ReplayFormat } from '../../simulator/replay/replay-format.ts';
import { type CommandIo, defineCommand } from '../command.ts';

/** SKAB's baselines train on the first 400 rows of each experiment. */
const SKAB_TRAINING_ROWS = 400;
const FLUSH_ROWS = 1000;
const MAX_ERRORS_SHOWN = 10;

export const scoreCommand = defineCommand({
  name: 'score',
  summary: 'run the detector offline: CSV in, one score row per reading out, quality figures when labelled',
  description:
    'Runs the same detector the processor uses over a CSV (the replay layouts) and writes one row per ' +
    'reading (ts, sensor, score, flag, status, failure probability, model, reasons, label); when the file has ' +
    'labels it prints precision, recall, F1, false-alarm and missed-alarm rates and detection delay, and for ' +
    'NAB files the NAB standard-profile score. Figures go to stderr when rows go to stdout.',
  settings: SCORE_SETTINGS,
  positionals: [{ name: 'FILE', describe: 'the CSV file to score (wattwatch, NAB or SKAB layout)' }],
  run: (config, [path], io) => score(config, path as string, io),
});

async function score(config: ScoreConfig, path: string, io: CommandIo): Promise<number> {
  let format: ReplayFormat;
  try {
    format = (await openReplayFile(path)).format;
  } catch (error) {
    io.stderr(`wattwatch score: ${(error as Error).message}\n`);
    return 1;
  }
  // A NAB value is not a physical metric: an extra channel, so no rule band applies to it.
  const mapping = format === 'nab' ? { metric: 'extra.value' as const } : {};
  const options = await detectorOptions(config.warmup, format, path);
  const detector = createDetector(options);
  const windows = format === 'nab' ? loadNabWindows(path, 'auto') : null;
  const report = createScoreReport(windows, options.episodeQuietReadings);
  const sink = config.output === '-' ? null : createWriteStream(config.output);
  const write = async (text: string) => {
    if (!sink) return io.stdout(text);
    if (!sink.write(text)) await once(sink, 'drain');
  };
  const { rows } = await scoreFile(path, { detector, mapping, chunk: format === 'wattwatch' ? 500 : 1 });
  let buffer = `${SCORE_CSV_HEADER}\n`;
  let pending = 0;
  let errors = 0;
  for await (const row of rows) {
    if (row.kind === 'error') {
      if (++errors <= MAX_ERRORS_SHOWN) io.stderr(`${path}:${row.line}: ${row.message}\n`);
      continue;
    }
    report.add(row.reading, row.assessment);
    buffer += `${scoreCsvRow(row.reading, row.assessment)}\n`;
    if (++pending >= FLUSH_ROWS) {
      await write(buffer);
      buffer = '';
      pending = 0;
    }
  }
  await write(buffer);
  if (sink) {
    sink.end();
    await once(sink, 'close');
  }
  const summary = formatSummary(report.summary());
  const skipped =
    errors > 0
      ? `${errors} rows skipped (bad values; first ${Math.min(errors, MAX_ERRORS_SHOWN)} above)\n`
      : '';
  (sink ? io.stdout : io.stderr)(`${skipped}${summary}`);
  return 0;
}

/** Warm-up per the benchmark's protocol (auto) or as given; everything else as the processor runs. */
async function detectorOptions(warmup: string, format: ReplayFormat, path: string): Promise<DetectorOptions> {
  let readings: number | null = warmup === 'auto' ? null : Number(warmup);
  if (readings === null && format === 'skab') readings = SKAB_TRAINING_ROWS;
  if (readings === null && format === 'nab') {
    let count = 0;
    for await (const row of (await openReplayFile(path, { nabLabels: 'none' })).rows())
      if (row.kind === 'reading') count++;
    readings = Math.max(2, Math.floor(probationaryLength(count)));
  }
  if (readings === null) return DEFAULT_DETECTOR_OPTIONS;
  return {
    ...DEFAULT_DETECTOR_OPTIONS,
    baselineWarmup: readings,
    warmupStagger: 0,
    modelWarmupRows: readings,
    retrainRows: Math.max(DEFAULT_DETECTOR_OPTIONS.retrainRows, readings),
  };
}
