import { METRICS, type Metric } from '../../domain/metric.ts';
import type { ChannelTarget } from './replay-row.ts';

/** The measured part of a reading under construction: every core metric, plus extra channels. */
export type ChannelValues = Record<Metric, number | null> & { extra?: Record<string, number> };

export function emptyChannels(): ChannelValues {
  return Object.fromEntries(METRICS.map((m) => [m, null])) as unknown as ChannelValues;
}

/** Puts `value` where `target` says: a core metric or `extra.<name>`. */
export function setChannel(values: ChannelValues, target: ChannelTarget, value: number | null): void {
  if (target.startsWith('extra.')) {
    if (value === null) return;
    values.extra ??= {};
    values.extra[target.slice('extra.'.length)] = value;
  } else values[target as Metric] = value;
}

/** A CSV cell → number, `null` for an empty cell, `undefined` when it is not a number. */
export function parseCell(text: string | undefined): number | null | undefined {
  const cell = (text ?? '').trim();
  if (cell === '' || cell.toLowerCase() === 'null' || cell.toLowerCase() === 'nan') return null;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}

export function isChannelTarget(text: string): text is ChannelTarget {
  return (METRICS as readonly string[]).includes(text) || /^extra\.[a-z][a-z0-9_]{0,31}$/.test(text);
}
