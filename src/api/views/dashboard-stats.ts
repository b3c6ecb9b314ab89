/**
 * Fleet stats as the dashboard shows them: the processors' aggregates, the ingest rate from the last
 * two fleet-history entries, and the cost of the current power at the tariff rate in force now.
 */

import { cents, rateAt, type Tariff } from '../../optimizer/tariff.ts';
import type { FleetStats } from '../../store/fleet-stats.ts';
import type { StoreOptions } from '../../store/store-options.ts';
import type { FleetHistoryPoint, StoreReader } from '../../store/store-reader.ts';
import type { StatsSummary } from '../contract/ws-messages.ts';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Pure: aggregates + the newest fleet-history points (oldest first) → stats at `now`. */
export function toDashboardStats(
  fleet: FleetStats,
  recent: readonly FleetHistoryPoint[],
  tariff: Tariff,
  now: Date,
): StatsSummary {
  const online = Math.max(0, fleet.sensors - fleet.offline);
  const [before, last] = recent.slice(-2);
  const seconds = before && last ? (Date.parse(last.ts) - Date.parse(before.ts)) / 1000 : 0;
  const { period, rate } = rateAt(tariff, now);
  return {
    total_sensors: fleet.sensors,
    online_sensors: online,
    status_normal: fleet.normal,
    status_warning: fleet.warning,
    status_critical: fleet.critical,
    status_offline: fleet.offline,
    total_power_kw: round(fleet.power_kw, 3),
    average_power_kw: online > 0 ? round(fleet.power_kw / online, 3) : 0,
    total_energy_kwh: round(fleet.energy_kwh, 3),
    total_readings: fleet.readings,
    anomaly_count: fleet.anomalies,
    readings_per_second: last && seconds > 0 ? round(last.readings_delta / seconds, 1) : null,
    healthy_percent: online > 0 ? round((fleet.normal / online) * 100, 1) : null,
    tariff_period: period,
    current_rate: rate,
    cost_per_hour: cents(fleet.power_kw * rate),
    currency: tariff.currency,
    updated_at: fleet.updated_at,
  };
}

/** Reads stats: the aggregates hash and the last few fleet-history entries, in parallel. */
export async function readDashboardStats(
  reader: StoreReader,
  store: StoreOptions,
  tariff: Tariff,
  now: Date,
): Promise<StatsSummary> {
  const [fleet, recent] = await Promise.all([
    reader.getFleetStats(),
    reader.getFleetHistory({
      from: new Date(now.getTime() - 3 * store.fleetBucketMs),
      to: now,
      points: 10,
    }),
  ]);
  return toDashboardStats(fleet, recent, tariff, now);
}
