/**
 * Parses `ww:quality`, the running totals the processor's quality counter keeps
 * (processor/detect/quality-counts.ts): `tp` `fp` `fn` `tn` over all readings, `tp:<kind>` and
 * `fn:<kind>` per injected anomaly kind (a false positive or true negative has no kind: they are
 * reported under `none`), and per kind `episodes:`, `detected:`, `delay_ms:` for detection delay.
 */
import type { EpisodeCounts, OutcomeCounts, QualityCounts } from './store-reader.ts';

/** `HGETALL ww:quality` → counts with precision and recall. */
export function parseQualityCounts(hash: Readonly<Record<string, string>>): QualityCounts {
  const count = (field: string) => Number(hash[field] ?? 0) || 0;
  const byKind: Record<string, OutcomeCounts> = {};
  for (const field of Object.keys(hash)) {
    const [outcome, kind] = field.split(':');
    if ((outcome !== 'tp' && outcome !== 'fn') || !kind || byKind[kind]) continue;
    byKind[kind] = { tp: count(`tp:${kind}`), fp: 0, fn: count(`fn:${kind}`), tn: 0 };
  }
  const episodes: Record<string, EpisodeCounts> = {};
  for (const field of Object.keys(hash)) {
    const [what, kind] = field.split(':');
    if (what !== 'episodes' || !kind) continue;
    const detected = count(`detected:${kind}`);
    episodes[kind] = {
      episodes: count(field),
      detected,
      mean_delay_ms: detected === 0 ? null : count(`delay_ms:${kind}`) / detected,
      mean_delay_readings: detected === 0 ? null : count(`delay_readings:${kind}`) / detected,
    };
  }
  const total = { tp: count('tp'), fp: count('fp'), fn: count('fn'), tn: count('tn') };
  if (total.fp + total.tn > 0) byKind.none = { tp: 0, fp: total.fp, fn: 0, tn: total.tn };
  return {
    by_kind: byKind,
    episodes,
    total,
    precision: total.tp + total.fp === 0 ? null : total.tp / (total.tp + total.fp),
    recall: total.tp + total.fn === 0 ? null : total.tp / (total.tp + total.fn),
  };
}
