/** `/api/optimization/suggestions?limit=`: the optimizer's latest run (rerun in the background at most once per refresh interval). */
import { Hono, type MiddlewareHandler } from 'hono';
import type { ApiServices } from '../api-services.ts';
import type { SuggestionsResponse } from '../contract/rest.ts';
import { intParam } from '../params.ts';

export function optimizationRoutes(s: ApiServices, limited: MiddlewareHandler): Hono {
  const app = new Hono();
  app.get('/suggestions', limited, async (c) => {
    const limit = intParam(c.req.query(), 'limit', 1, 100, 10);
    const run = await s.optimizer.get();
    const t = s.options.optimizer.tariff;
    const body: SuggestionsResponse = {
      suggestions: run.suggestions.slice(0, limit),
      total_generated: run.total,
      generated_at: run.generated_at,
      sensors_analyzed: run.sensors_analyzed,
      tariff: {
        currency: t.currency,
        off_peak: t.offPeak,
        shoulder: t.shoulder,
        on_peak: t.onPeak,
        peak_hours: t.peakHours,
        off_peak_hours: t.offPeakHours,
        time_zone: t.timeZone,
      },
      timestamp: s.now().toISOString(),
    };
    return c.json(body);
  });
  return app;
}
