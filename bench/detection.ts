/**
 * Detection quality, with the detector the processor runs, against ground truth.
 *   npm run bench -- detection [--only sim|skab|nab] [--detail]
 *                              [--sensors 300] [--hours 2] [--start ISO] [--seed 1]
 *
 * Three sections, each protocol fixed in advance and the same for every file (nothing is tuned
 * per file): the simulator's labelled fleet (bench/lib/detection-sim.ts), SKAB valve1
 * (detection-skab.ts) and NAB (detection-nab.ts). The public files are split into development and
 * held-out halves (dataset-split.ts); both are printed, separately, and only dev figures may guide
 * a change to the detector.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { datasetsDir } from '../test/support/datasets.ts';
import { benchNab } from './lib/detection-nab.ts';
import { benchSimulator, DEFAULT_SIM_BENCH_OPTIONS } from './lib/detection-sim.ts';
import { benchSkab } from './lib/detection-skab.ts';
import { writeResult } from './lib/report.ts';

export async function run(argv: string[]): Promise<void> {
  const d = DEFAULT_SIM_BENCH_OPTIONS;
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      detail: { type: 'boolean', default: false },
      sensors: { type: 'string', default: String(d.sensors) },
      hours: { type: 'string', default: String(d.hours) },
      start: { type: 'string', default: d.start },
      seed: { type: 'string', default: String(d.seed) },
    },
  });
  const only = values.only;
  if (only !== undefined && !['sim', 'skab', 'nab'].includes(only)) {
    throw new Error(`--only must be sim, skab or nab, not '${only}'`);
  }
  const result: Record<string, unknown> = {};
  if (!only || only === 'sim') {
    result.simulator = await benchSimulator({
      ...d,
      sensors: Number(values.sensors),
      hours: Number(values.hours),
      start: values.start,
      seed: Number(values.seed),
    });
  }
  if (!only || only === 'skab')
    result.skab = await benchSkab(join(datasetsDir(), 'skab', 'valve1'), values.detail);
  if (!only || only === 'nab') result.nab = await benchNab(join(datasetsDir(), 'nab'), values.detail);
  writeResult('detection', result);
}
