/**
 * The simulator's two rates, each against a naive baseline in the same run:
 * - generation on one core, no Kafka (lib/simulator-generate.ts): target >= 500,000 readings/s;
 * - publishing a 100,000-sensor fleet into the dev broker in a child process
 *   (lib/simulator-publish.ts): target >= 100,000 readings/s, so the fleet can run at 1 Hz.
 *   npm run bench -- simulator [--only generate|publish] [--sensors 100000] [--seed 1]
 *                              [--steps 3] [--rounds 9]                      (generation)
 *                              [--seconds 10] [--warmup 3] [--interval-ms 250] [--workers 2]
 *                              [--partitions 12]                             (publishing)
 */
import { parseArgs } from 'node:util';
import { writeResult } from './lib/report.ts';
import { measureGeneration } from './lib/simulator-generate.ts';
import { measurePublish } from './lib/simulator-publish.ts';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', default: 'all' },
      sensors: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      steps: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '9' },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      'interval-ms': { type: 'string', default: '250' },
      workers: { type: 'string', default: '2' },
      partitions: { type: 'string', default: '12' },
    },
  });
  const sensors = Number(values.sensors);
  const seed = Number(values.seed);
  const only = values.only;
  if (!['all', 'generate', 'publish'].includes(only)) throw new Error(`--only generate|publish, got ${only}`);
  const generation =
    only === 'publish'
      ? {}
      : measureGeneration({ sensors, seed, steps: Number(values.steps), rounds: Number(values.rounds) });
  const publishing =
    only === 'generate'
      ? {}
      : await measurePublish({
          sensors,
          seed,
          seconds: Number(values.seconds),
          warmupSeconds: Number(values.warmup),
          intervalMs: Number(values['interval-ms']),
          workers: Number(values.workers),
          partitions: Number(values.partitions),
        });
  writeResult('simulator', { sensors, ...generation, ...publishing });
}
