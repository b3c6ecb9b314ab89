/**
 * Runs Debian's kcat (librdkafka 2.0.2) against a broker. kcat is a hard requirement of the
 * test suite (CI installs it with apt); a missing binary fails loudly instead of skipping.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export const KCAT = process.env.KCAT ?? 'kcat';

export interface KcatResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kcat to completion, feeding `input` on stdin. */
export function runKcat(args: readonly string[], input = '', timeoutMs = 30_000): Promise<KcatResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(KCAT, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    proc.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${KCAT} (install it: apt-get install kcat): ${error.message}`));
    });
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    proc.stdin.end(input);
  });
}

/** A long-running kcat (e.g. a `-G` group member) whose output lines are collected as they come. */
export class KcatProcess {
  readonly lines: string[] = [];
  stderr = '';
  private readonly proc: ChildProcess;
  private readonly exited: Promise<number | null>;
  private partial = '';

  constructor(args: readonly string[]) {
    this.proc = spawn(KCAT, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout?.on('data', (d: Buffer) => {
      const text = this.partial + d.toString();
      const parts = text.split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    this.proc.stderr?.on('data', (d: Buffer) => {
      this.stderr += d;
    });
    this.exited = new Promise((resolve) => this.proc.on('close', (code) => resolve(code)));
  }

  /** Asks kcat to stop (it leaves its group and commits) and waits for it to exit. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill(signal);
    return this.exited;
  }
}
