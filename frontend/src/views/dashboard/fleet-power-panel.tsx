/** Fleet power over the last minutes: the live series, with the last hour of fleet history in front of it. */
import { useEffect, useState } from 'react';
import { LiveLineChart } from '../../charts/live-line-chart.tsx';
import type { AnalyticsHistoryResponse } from '../../contract.ts';
import { apiFetch } from '../../data/api-client.ts';
import { formatQuantity } from '../../data/format.ts';
import { liveStore } from '../../data/live.ts';

const WINDOWS = [
  { label: '5 min', ms: 5 * 60_000 },
  { label: '15 min', ms: 15 * 60_000 },
  { label: '1 h', ms: 60 * 60_000 },
] as const;

let seeded = false;

const onSeries = (listener: () => void) => liveStore.onSeries(listener);

export function FleetPowerPanel({ powerKw }: { powerKw: number | null }) {
  const [windowMs, setWindowMs] = useState<number>(WINDOWS[1].ms);
  useEffect(() => {
    if (seeded) return;
    seeded = true;
    apiFetch<AnalyticsHistoryResponse>('/api/analytics/history?hours=1&points=360')
      .then((body) =>
        liveStore.seedPower(body.history.map((p) => ({ x: Date.parse(p.timestamp), y: p.power_kw }))),
      )
      .catch(() => {
        seeded = false; // the live series still fills; the history is tried again next visit
      });
  }, []);
  return (
    <section className="panel" aria-labelledby="power-title" data-testid="power-panel">
      <div className="panel-head">
        <h2 id="power-title">Fleet power</h2>
        <span className="muted">{formatQuantity(powerKw, 'kW')} now</span>
        <span className="spacer" />
        <fieldset className="seg" aria-label="Time window">
          {WINDOWS.map((w) => (
            <button
              key={w.label}
              type="button"
              aria-pressed={w.ms === windowMs}
              onClick={() => setWindowMs(w.ms)}
            >
              {w.label}
            </button>
          ))}
        </fieldset>
      </div>
      <LiveLineChart
        ring={liveStore.series.powerKw}
        onChange={onSeries}
        label="Fleet power"
        unit="kW"
        windowMs={windowMs}
        ariaLabel="Line chart of total fleet power in kilowatts over time"
      />
    </section>
  );
}
