/**
 * `/api/analytics/history?hours=&points=`: the fleet history stream the processors write every
 * 10 s, sampled to at most `points` points (never synthesized: an empty store gives an empty list).
 * Energy per interval is the difference of the metered totals; its cost uses the tariff rate of the
 * interval's start on the plant's clock.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { rateAt } from '../../optimizer/tariff.ts';
import type { FleetHistoryPoint } from '../../store/store-reader.ts';
import type { ApiServices } from '../api-services.ts';
import type { AnalyticsHistoryResponse, AnalyticsPoint } from '../contract/rest.ts';
import { intParam } from '../params.ts';

export const MAX_ANALYTICS_POINTS = 1000;

export function analyticsRoutes(s: ApiServices, limited: MiddlewareHandler): Hono {
  const app = new Hono();
  const maxHours = Math.max(1, Math.floor(s.store.fleetRetentionMs / 3_600_000));
  app.get('/history', limited, async (c) => {
    const query = c.req.query();
    const hours = intParam(query, 'hours', 1, maxHours, 24);
    const points = intParam(query, 'points', 2, MAX_ANALYTICS_POINTS, 288);
    const end = s.now();
    const start = new Date(end.getTime() - hours * 3_600_000);
    const raw = await s.reader.getFleetHistory({ from: start, to: end, points });
    const body: AnalyticsHistoryResponse = {
      history: raw.map((point, i) => toAnalyticsPoint(point, raw[i - 1], s)),
      time_range: { start: start.toISOString(), end: end.toISOString() },
      hours,
      currency: s.options.optimizer.tariff.currency,
      timestamp: end.toISOString(),
    };
    return c.json(body);
  });
  return app;
}

function toAnalyticsPoint(
  p: FleetHistoryPoint,
  previous: FleetHistoryPoint | undefined,
  s: ApiServices,
): AnalyticsPoint {
  const { rate } = rateAt(s.options.optimizer.tariff, new Date(previous?.ts ?? p.ts));
  return {
    timestamp: p.ts,
    energy_kwh: p.energy_kwh_delta,
    cost: Math.round(p.energy_kwh_delta * rate * 10_000) / 10_000,
    power_kw: p.power_kw,
    active_sensors: Math.max(0, p.sensors - p.offline),
    readings: p.readings_delta,
    anomalies: p.anomalies_delta,
    status_warning: p.warning,
    status_critical: p.critical,
    status_offline: p.offline,
  };
}
