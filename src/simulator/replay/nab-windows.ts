/** NAB's labelled anomaly windows (`labels/combined_windows.json`), keyed by `category/file.csv`. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { toUtcIso } from './csv-timestamp.ts';

export interface TimeWindow {
  /** Inclusive bounds, ms since the epoch (UTC). */
  readonly start: number;
  readonly end: number;
}

/** The windows of one NAB data file, or null when no label file covers it. */
export function loadNabWindows(dataFile: string, labels: 'auto' | 'none' | string): TimeWindow[] | null {
  if (labels === 'none') return null;
  const labelFile =
    labels === 'auto' ? join(dirname(dataFile), '..', '..', 'labels', 'combined_windows.json') : labels;
  if (!existsSync(labelFile)) {
    if (labels === 'auto') return null;
    throw new Error(`NAB label file not found: ${labelFile}`);
  }
  const all = JSON.parse(readFileSync(labelFile, 'utf8')) as Record<string, [string, string][]>;
  const key = `${basename(dirname(dataFile))}/${basename(dataFile)}`;
  const pairs = all[key];
  if (!pairs) return null;
  return pairs.map(([start, end]) => ({ start: parseLabelTime(start), end: parseLabelTime(end) }));
}

function parseLabelTime(text: string): number {
  const iso = toUtcIso(text);
  if (!iso) throw new Error(`bad NAB label timestamp '${text}'`);
  return Date.parse(iso);
}

/** True when `ms` falls inside any window. */
export function inWindows(windows: readonly TimeWindow[], ms: number): boolean {
  return windows.some((w) => ms >= w.start && ms <= w.end);
}
