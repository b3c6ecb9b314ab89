import { SCORE_SETTINGS } from '../../config/score-config.ts';
import { defineCommand, notBuiltYet } from '../command.ts';

export const scoreCommand = defineCommand({
  name: 'score',
  summary: 'run the detector offline: CSV in, one score row per reading out, quality figures when labelled',
  description:
    'Runs the same detector the processor uses over a CSV (the replay layouts) and writes one row per ' +
    'reading; when the file has labels it prints precision, recall, F1, false-alarm rate and detection delay.',
  settings: SCORE_SETTINGS,
  positionals: [{ name: 'FILE', describe: 'the CSV file to score' }],
  run: notBuiltYet('score', 6),
});
