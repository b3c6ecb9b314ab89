/**
 * Starts a private `redis-server` on a free loopback port and stops it again. Used by the test
 * harness, by crash-safety tests that restart Redis, and by `wattwatch all` when no Redis answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedRedisOptions {
  /** Port to use; 0 (default) picks a free one. */
  readonly port?: number;
  /** Keep an append-only file so data survives `restart()` (as production compose does). */
  readonly appendOnly?: boolean;
  /**
   * When the append-only file is fsynced: `always` (default) or `everysec` (production compose). A
   * killed redis-server loses nothing either way, as its writes are already in the kernel's cache.
   */
  readonly appendFsync?: 'always' | 'everysec';
  /** Data directory; a fresh temporary one by default, removed on `stop()`. */
  readonly dir?: string;
  readonly binary?: string;
  readonly startTimeoutMs?: number;
  /**
   * Run in its own process group, so a terminal's Ctrl-C (sent to the whole foreground group) reaches
   * only the owner, which stops Redis itself after its writers have flushed (`wattwatch all`).
   */
  readonly detached?: boolean;
}

export interface EmbeddedRedis {
  readonly url: string;
  readonly port: number;
  /** Process id of the running server (benchmarks read its CPU and memory). */
  readonly pid: number | undefined;
  /** Kills the server (SIGKILL when `crash`) and starts it again on the same port and directory. */
  restart(options?: { crash?: boolean }): Promise<void>;
  /** Kills the server (SIGKILL when `crash`) and leaves it down, its directory kept, until `up()`. */
  down(options?: { crash?: boolean }): Promise<void>;
  /** Starts a server that `down()` stopped again, on the same port and directory. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_REDIS_OPTIONS = {
  appendOnly: false,
  appendFsync: 'always',
  binary: 'redis-server',
  startTimeoutMs: 10_000,
} as const;

/** Starts redis-server and resolves once it answers PING. */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions = {}): Promise<EmbeddedRedis> {
  const settings = { ...DEFAULT_EMBEDDED_REDIS_OPTIONS, ...options };
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'wattwatch-redis-'));
  const port = options.port || (await findFreePort());
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    settings.appendOnly ? 'yes' : 'no',
    '--appendfsync',
    settings.appendFsync,
    '--logfile',
    '',
  ];
  const spawnOptions = { detached: options.detached === true };
  let child = await launch(settings.binary, args, port, settings.startTimeoutMs, spawnOptions);
  // safety net: whatever way the owner exits (a second Ctrl-C, process.exit), no redis-server outlives it
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const down = (downOptions: { crash?: boolean } = {}) =>
    kill(child, downOptions.crash ? 'SIGKILL' : 'SIGTERM');
  const up = async () => {
    child = await launch(settings.binary, args, port, settings.startTimeoutMs, spawnOptions);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid;
    },
    async restart(restartOptions = {}) {
      await down(restartOptions);
      await up();
    },
    down,
    up,
    async stop() {
      await kill(child, 'SIGTERM');
      process.off('exit', killOnExit);
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(
  binary: string,
  args: string[],
  port: number,
  timeoutMs: number,
  spawnOptions: { readonly detached: boolean },
): Promise<ChildProcess> {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], ...spawnOptions });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const failed = new Promise<never>((_, rejectStart) => {
    child.once('error', (error) => rejectStart(new Error(`cannot run ${binary}: ${error.message}`)));
    child.once('exit', (code) => rejectStart(new Error(`${binary} exited with ${code}: ${stderr.trim()}`)));
  });
  const deadline = Date.now() + timeoutMs;
  const ready = (async () => {
    while (!(await answersPing(port))) {
      if (Date.now() > deadline)
        throw new Error(`${binary} did not answer on port ${port} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    await Promise.race([ready, failed]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  failed.catch(() => {}); // later exits are expected on stop/restart
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

/** True when something on the port answers a RESP PING with +PONG (or an auth error). */
export function answersPing(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
    socket.connect(port, host, () => socket.write('PING\r\n'));
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, rejectPort) => {
    const server = createServer();
    server.once('error', rejectPort);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
