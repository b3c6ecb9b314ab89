/** Runs lib/prefill-child.ts against `bootstrap` and resolves once every reading is in the broker. */
import { fork } from 'node:child_process';

export interface PrefillJob {
  readonly bootstrap: string;
  readonly topic: string;
  readonly sensors: number;
  readonly rounds: number;
  readonly partitions: number;
  readonly roundMs: number;
}

export function prefillBroker(job: PrefillJob): Promise<{ count: number; bytes: number }> {
  const child = fork(new URL('./prefill-child.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_BOOTSTRAP: job.bootstrap,
      BENCH_TOPIC: job.topic,
      BENCH_SENSORS: String(job.sensors),
      BENCH_ROUNDS: String(job.rounds),
      BENCH_PARTITIONS: String(job.partitions),
      BENCH_ROUND_MS: String(job.roundMs),
    },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { count: number; bytes: number }) => resolve(m));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`prefill exited with ${code}`));
    });
  });
}
