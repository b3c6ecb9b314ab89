/** Parses `ww:quality` (`<kind>:<tp|fp|fn|tn>` running totals) into per-kind and total counts. */
import type { OutcomeCounts, QualityCounts } from './store-reader.ts';

const OUTCOMES = ['tp', 'fp', 'fn', 'tn'] as const;

/** `HGETALL ww:quality` → counts with precision and recall. */
export function parseQualityCounts(hash: Readonly<Record<string, string>>): QualityCounts {
  const byKind: Record<string, Record<(typeof OUTCOMES)[number], number>> = {};
  const total = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [field, value] of Object.entries(hash)) {
    const at = field.lastIndexOf(':');
    const kind = field.slice(0, at);
    const outcome = field.slice(at + 1) as (typeof OUTCOMES)[number];
    if (at <= 0 || !OUTCOMES.includes(outcome)) continue;
    const counts = byKind[kind] ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    byKind[kind] = counts;
    counts[outcome] += Number(value) || 0;
    total[outcome] += Number(value) || 0;
  }
  return {
    by_kind: byKind as Record<string, OutcomeCounts>,
    total,
    precision: total.tp + total.fp === 0 ? null : total.tp / (total.tp + total.fp),
    recall: total.tp + total.fn === 0 ? null : total.tp / (total.tp + total.fn),
  };
}
