/** Shared output of benchmarks: an aligned table for people, one JSON line and a file for machines. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export type Row = Record<string, string | number>;

export function printTable(rows: readonly Row[]): void {
  if (rows.length === 0) return;
  // every column any row has, in order of first appearance (some rows carry extra figures)
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((c) => format(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] as string).length)));
  const line = (values: string[]) => values.map((v, i) => v.padStart(widths[i] as number)).join('  ');
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
}

function format(value: string | number | undefined): string {
  if (typeof value !== 'number') return value ?? '';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toFixed(Math.abs(value) >= 100 ? 0 : 2);
}

/** Where and on what a figure was measured, so RESULTS.md rows can name it. */
export function environment(): Record<string, string | number> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {}
  return { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '', commit };
}

/** Prints `BENCH_JSON {...}` and writes bench/out/<name>.json. */
export function writeResult(name: string, result: Record<string, unknown>): void {
  const payload = { bench: name, at: new Date().toISOString(), ...environment(), ...result };
  console.log(`BENCH_JSON ${JSON.stringify(payload)}`);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync(`bench/out/${name}.json`, `${JSON.stringify(payload, null, 2)}\n`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
