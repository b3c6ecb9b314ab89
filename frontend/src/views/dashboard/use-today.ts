/**
 * Energy and cost since local midnight. The fleet history gives the metered energy and its cost up
 * to its last point (refreshed every minute); the live meter total adds what was metered since, at
 * the current rate. Null until the history arrived: no guess in between.
 */

import { useRef } from 'react';
import type { AnalyticsHistoryResponse, StatsSummary } from '../../contract.ts';
import { queryString } from '../../data/api-client.ts';
import { useApi } from '../../data/use-api.ts';

export interface Today {
  readonly energyKwh: number;
  readonly cost: number;
  readonly currency: string;
  /** The first data of today when it came well after local midnight (the system started since), else null. */
  readonly startedMs: number | null;
}

/** Data starting this long after midnight means monitoring began today, and the card says so. */
const LATE_START_MS = 15 * 60_000;

export function useToday(stats: StatsSummary | null): Today | null {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const hours = Math.min(24 * 7, Math.ceil((Date.now() - midnight.getTime()) / 3_600_000) + 1);
  const history = useApi<AnalyticsHistoryResponse>(
    `/api/analytics/history${queryString({ hours, points: 1000 })}`,
    60_000,
  );
  // the live meter total at the moment the history arrived: what came after it is added live
  const anchor = useRef<{ at: number | null; total: number | null }>({ at: null, total: null });
  if (history.receivedAt !== anchor.current.at)
    anchor.current = { at: history.receivedAt, total: stats?.total_energy_kwh ?? null };
  if (anchor.current.total === null && stats) anchor.current.total = stats.total_energy_kwh;
  if (!history.data || !stats) return null;
  let energy = 0;
  let cost = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const p of history.data.history) {
    const at = Date.parse(p.timestamp);
    if (at > midnight.getTime()) {
      energy += p.energy_kwh;
      cost += p.cost;
      first = Math.min(first, at);
    }
  }
  if (!Number.isFinite(first)) first = history.receivedAt ?? Date.now();
  const since = Math.max(0, stats.total_energy_kwh - (anchor.current.total ?? stats.total_energy_kwh));
  return {
    energyKwh: energy + since,
    cost: cost + since * stats.current_rate,
    currency: history.data.currency,
    startedMs: first - midnight.getTime() > LATE_START_MS ? first : null,
  };
}
