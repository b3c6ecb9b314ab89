/**
 * The Analytics tab: fleet energy, power and status counts over 6 h, 24 h or 7 d, from the fleet
 * history the processors record (nothing synthesized: an empty store gives empty charts).
 */
import { Bar, Line } from 'react-chartjs-2';
import { setQuery, useLocation } from '../../app/use-location.ts';
import { HistoryChart } from '../../charts/history-chart.tsx';
import { chartColors, clock, timeLineOptions } from '../../charts/register.ts';
import { LoadState } from '../../components/load-state.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import type { AnalyticsHistoryResponse } from '../../contract.ts';
import {
  formatCount,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatQuantity,
} from '../../data/format.ts';
import { useApi } from '../../data/use-api.ts';

const RANGES = [
  { value: '6h', label: '6 h', hours: 6 },
  { value: '24h', label: '24 h', hours: 24 },
  { value: '7d', label: '7 d', hours: 168 },
] as const;
type RangeId = (typeof RANGES)[number]['value'];

export function AnalyticsView() {
  const location = useLocation();
  const range = RANGES.find((r) => r.value === location.searchParams.get('range')) ?? RANGES[1];
  const state = useApi<AnalyticsHistoryResponse>(
    `/api/analytics/history?hours=${range.hours}&points=288`,
    60_000,
  );
  const history = state.data?.history ?? [];
  const c = chartColors();
  const xs = history.map((p) => Date.parse(p.timestamp));
  const energy = history.reduce((sum, p) => sum + p.energy_kwh, 0);
  const cost = history.reduce((sum, p) => sum + p.cost, 0);
  const peak = history.reduce<(typeof history)[number] | null>(
    (best, p) => (!best || p.power_kw > best.power_kw ? p : best),
    null,
  );
  const avgPower = history.length ? history.reduce((sum, p) => sum + p.power_kw, 0) / history.length : null;
  const anomalies = history.reduce((sum, p) => sum + p.anomalies, 0);
  const stepMs = xs.length > 1 ? (xs.at(-1)! - xs[0]!) / (xs.length - 1) : 0;
  const rangeMs = range.hours * 3_600_000;
  const covered = xs.length > 1 ? xs.at(-1)! - xs[0]! : 0;

  return (
    <div className="view">
      <div className="view-head">
        <h1>Analytics</h1>
        <Segmented<RangeId>
          label="Time range"
          options={RANGES}
          value={range.value}
          onChange={(value) => setQuery({ range: value })}
        />
        <span className="muted">
          {history.length > 0 &&
            `${formatDateTime(xs[0])} – ${formatDateTime(xs.at(-1))} · ${formatCount(history.length)} ${history.length === 1 ? 'interval' : 'intervals'}${covered < rangeMs * 0.9 ? ` · history covers ${formatDuration(covered)} so far` : ''}`}
        </span>
      </div>
      <LoadState state={state} what="Fleet history" />
      {state.data && history.length === 0 && (
        <p className="empty">No fleet history recorded in this range yet.</p>
      )}
      {history.length > 0 && (
        <>
          <div className="cards" data-testid="analytics-cards">
            <StatCard
              label="Energy"
              value={formatQuantity(energy, 'kWh')}
              sub={`metered in the ${range.label} range`}
            />
            <StatCard
              label="Cost"
              value={formatMoney(cost, state.data!.currency)}
              sub="at the tariff of each interval"
            />
            <StatCard
              label="Average power"
              value={formatQuantity(avgPower, 'kW')}
              sub="fleet, over the range"
            />
            <StatCard
              label="Peak power"
              value={formatQuantity(peak?.power_kw, 'kW')}
              sub={peak ? `at ${formatDateTime(peak.timestamp)}` : ''}
            />
            <StatCard label="Anomalies" value={formatCount(anomalies)} sub="readings flagged in the range" />
          </div>
          {history.length === 1 && (
            <p className="empty" data-testid="analytics-one-interval">
              One interval of history so far: the charts draw lines from the second one on.
            </p>
          )}
          <div className="grid-2">
            <section className="panel" aria-labelledby="energy-title" data-testid="energy-chart">
              <div className="panel-head">
                <h2 id="energy-title">Energy per interval</h2>
                <span className="muted">kWh per {stepMs > 0 ? formatDuration(stepMs) : 'interval'}</span>
              </div>
              <div className="chart-box tall">
                <Bar
                  updateMode="none"
                  role="img"
                  aria-label="Bar chart of energy in kilowatt-hours per interval"
                  data={{
                    labels: xs,
                    datasets: [
                      { label: 'Energy', data: history.map((p) => p.energy_kwh), backgroundColor: c.accent },
                    ],
                  }}
                  options={{
                    animation: false,
                    maintainAspectRatio: false,
                    plugins: {
                      legend: { display: false },
                      tooltip: {
                        callbacks: {
                          title: (items) => formatDateTime(Number(xs[items[0]?.dataIndex ?? 0])),
                          label: (item) => ` ${formatQuantity(Number(item.raw), 'kWh')}`,
                        },
                      },
                    },
                    scales: {
                      x: {
                        grid: { display: false },
                        ticks: {
                          color: c.text,
                          maxRotation: 0,
                          autoSkipPadding: 24,
                          callback: (_v, i) => clock(xs[i] ?? 0, rangeMs),
                        },
                      },
                      y: { grid: { color: c.grid }, ticks: { color: c.text, callback: (v) => `${v} kWh` } },
                    },
                  }}
                />
              </div>
            </section>
            <section className="panel" aria-labelledby="power-title" data-testid="power-chart">
              <div className="panel-head">
                <h2 id="power-title">Fleet power</h2>
                <span className="muted">kW</span>
              </div>
              <HistoryChart
                small={false}
                points={history.map((p, i) => ({ x: xs[i]!, y: p.power_kw }))}
                label="Fleet power"
                unit="kW"
                rangeMs={rangeMs}
              />
            </section>
          </div>
          <section className="panel" aria-labelledby="status-title" data-testid="status-chart">
            <div className="panel-head">
              <h2 id="status-title">Sensors by status</h2>
              <span className="muted">count of sensors</span>
            </div>
            <div className="chart-box">
              <Line
                updateMode="none"
                role="img"
                aria-label="Line chart of active, warning, critical and offline sensors over time"
                data={{
                  datasets: [
                    {
                      label: 'Active',
                      data: history.map((p, i) => ({ x: xs[i]!, y: p.active_sensors })),
                      borderColor: c.normal,
                    },
                    {
                      label: 'Warning',
                      data: history.map((p, i) => ({ x: xs[i]!, y: p.status_warning })),
                      borderColor: c.warning,
                    },
                    {
                      label: 'Critical',
                      data: history.map((p, i) => ({ x: xs[i]!, y: p.status_critical })),
                      borderColor: c.critical,
                    },
                    {
                      label: 'Offline',
                      data: history.map((p, i) => ({ x: xs[i]!, y: p.status_offline })),
                      borderColor: c.offline,
                    },
                  ].map((d) => ({ ...d, pointRadius: 0, borderWidth: 2 })),
                }}
                options={(() => {
                  const o = timeLineOptions('sensors', { minRangeMs: rangeMs });
                  o.plugins!.legend = {
                    display: true,
                    position: 'top',
                    labels: { color: c.text, boxWidth: 12 },
                  };
                  return o;
                })()}
              />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
