/** One `wattwatch <command>` as a child process with JSON logs, so its CPU and memory are its own. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface WattwatchChild {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the first stdout line (JSON log or plain) that `match` accepts. */
  waitFor(match: (line: string) => boolean): Promise<string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export function startWattwatch(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
): WattwatchChild {
  const child = spawn(process.execPath, ['bin/wattwatch.js', ...args], {
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"level":"error"') || line.includes('"level":"warn"'))
        process.stderr.write(`[${name}] ${line}\n`);
      for (const w of waiters.filter((w) => w.match(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  return {
    name,
    child,
    waitFor: (match) =>
      new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then((code) => reject(new Error(`${name} exited with ${code} while starting`)));
      }),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
