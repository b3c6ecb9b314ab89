/** Trends of the stat cards, from the live series: never from fewer points than they claim to span. */

import type { Trend } from '../../components/stat-card.tsx';
import { formatChange, formatDuration } from '../../data/format.ts';
import type { RingBuffer } from '../../data/ring-buffer.ts';

/** The newest value against the value `spanMs` earlier; null until the series reaches that far back. */
export function trendOver(ring: RingBuffer, spanMs: number, upIsGood = false): Trend | null {
  if (ring.length < 2) return null;
  const lastX = ring.xAt(ring.length - 1);
  const firstX = ring.xAt(0);
  if (lastX - firstX < spanMs * 0.9) return null;
  const change = formatChange(ring.last(), ring.valueAt(lastX - spanMs));
  return { ...change, against: `vs ${formatDuration(spanMs)} ago`, upIsGood };
}

/** How much a cumulative counter grew over the last `spanMs` (null until the series covers it). */
export function growthOver(ring: RingBuffer, spanMs: number, endMs?: number): number | null {
  if (ring.length < 2) return null;
  const lastX = endMs ?? ring.xAt(ring.length - 1);
  if (lastX - ring.xAt(0) < spanMs * 0.9) return null;
  const now = ring.valueAt(lastX);
  const before = ring.valueAt(lastX - spanMs);
  return now === null || before === null ? null : Math.max(0, now - before);
}
