/** Runs `wattwatch` as a child process, collecting its JSON log lines as they arrive. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface CliProcess {
  readonly child: ChildProcess;
  /** Parsed JSON log lines from stdout so far. */
  readonly lines: Record<string, unknown>[];
  /** Resolves when a line matches, rejects if the process exits first. */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  readonly exited: Promise<number | null>;
}

export interface SpawnCliOptions {
  /** A command that runs the CLI, e.g. `['ip', 'netns', 'exec', 'ns1']` to run it in a network namespace. */
  readonly wrap?: readonly string[];
  /** Arguments to node before the script (default: the wattwatch launcher). */
  readonly script?: readonly string[];
}

export function spawnCli(
  args: readonly string[],
  env: Record<string, string> = {},
  options: SpawnCliOptions = {},
): CliProcess {
  const [command, ...prefix] = [...(options.wrap ?? []), process.execPath];
  const script = options.script ?? ['bin/wattwatch.js'];
  const child = spawn(command as string, [...prefix, ...script, ...args], {
    env: { ...process.env, LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    match: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const text of parts) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const w of waiters.filter((w) => w.match(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor(match) {
      const found = lines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        exited.then((code) => reject(new Error(`exited with ${code} before the expected log line`)));
      });
    },
  };
}

/** A local port with nothing listening: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
