/**
 * The child processes of bench/api.ts: servers (serve, serve reading at its deadlines, the naive
 * baseline), the WebSocket clients and the ingest writers, each forked with tsx and driven by
 * messages (`ready` on start, then request → reply by `type`).
 */
import { type ChildProcess, fork } from 'node:child_process';

/** serve, serve reading at its deadlines, or the naive baseline, in a child process. */
export function startServerChild(name: string, redisUrl: string): Promise<Started> {
  const env = { BENCH_REDIS_URL: redisUrl };
  if (name === 'naive') return startChild('api-naive-child.ts', env);
  if (name === 'serve-at-deadline')
    return startChild('api-server-child.ts', { ...env, BENCH_READ_AHEAD_MS: '0' });
  if (name === 'serve') return startChild('api-server-child.ts', env);
  throw new Error(`unknown server ${name}: serve, serve-at-deadline or naive`);
}

/** `count` WebSocket clients over `filters` distinct views for `seconds` (lib/ws-clients-child.ts). */
export async function runClients(url: string, count: number, filters: number, seconds: number) {
  const views = Array.from({ length: filters }, (_, i) =>
    i === 0
      ? 'limit=50'
      : i % 3 === 1
        ? `status=warning&limit=50&text=sensor_0${i % 10}`
        : `type=pump&limit=50&text=sensor_${i % 10}`,
  );
  const clients = await startChild('ws-clients-child.ts', {});
  clients.child.send({ type: 'go', url, count, filters: views, seconds });
  return waitFor(clients.child, 'done');
}

export interface Started {
  readonly child: ChildProcess;
  readonly message: unknown;
}

export function startChild(file: string, env: Record<string, string>): Promise<Started> {
  const child = fork(new URL(`./${file}`, import.meta.url), {
    // BENCH_PROFILE=1 writes a CPU profile of the server to bench/out/api-profile
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE && file === 'api-server-child.ts'
        ? ['--cpu-prof', '--cpu-prof-dir=bench/out/api-profile']
        : []),
    ],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => resolve({ child, message }));
  });
}

export function ask(child: ChildProcess, type: string, reply = type): Promise<Record<string, unknown>> {
  const answer = waitFor(child, reply);
  child.send({ type });
  return answer;
}

export function waitFor(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
  });
}
