/** The dev broker in a child process (lib/broker-child.ts), so its CPU time is its own and measurable. */
import { type ChildProcess, fork } from 'node:child_process';

export interface BrokerProcess {
  readonly bootstrap: string;
  /** CPU time the broker has used so far, µs. */
  cpuMicros(): Promise<number>;
  stop(): void;
}

export async function startBrokerProcess(retentionBytes: number): Promise<BrokerProcess> {
  const child: ChildProcess = fork(new URL('./broker-child.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_RETENTION_BYTES: String(retentionBytes) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { port: number }) => resolve(m.port));
  });
  return {
    bootstrap: `127.0.0.1:${port}`,
    cpuMicros: () =>
      new Promise((resolve) => {
        const onMessage = (m: { type: string; cpuMicros: number }) => {
          if (m.type !== 'usage') return;
          child.off('message', onMessage);
          resolve(m.cpuMicros);
        };
        child.on('message', onMessage);
        child.send({ type: 'usage' });
      }),
    stop: () => child.send({ type: 'stop' }),
  };
}
