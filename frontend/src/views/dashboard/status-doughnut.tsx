import { memo } from 'react';
/** Sensors by status as a doughnut; react-chartjs-2 updates the one chart in place when counts change. */
import { Doughnut } from 'react-chartjs-2';
import '../../charts/register.ts';
import { chartColors } from '../../charts/register.ts';
import type { StatsSummary } from '../../contract.ts';
import { formatCount } from '../../data/format.ts';

/** Redrawn only when a count changes (a new stats object arrives every tick, mostly with the same counts). */
export const StatusDoughnut = memo(
  function StatusDoughnut({ stats }: { stats: StatsSummary | null }) {
    const c = chartColors();
    const counts = stats
      ? [stats.status_normal, stats.status_warning, stats.status_critical, stats.status_offline]
      : [0, 0, 0, 0];
    const healthy = stats?.healthy_percent;
    return (
      <section className="panel" aria-labelledby="status-title" data-testid="status-panel">
        <div className="panel-head">
          <h2 id="status-title">Sensor status</h2>
          <span className="spacer" />
          <span className="muted">
            {healthy === null || healthy === undefined ? '—' : `${healthy.toFixed(1)} % healthy`}
          </span>
        </div>
        <div className="chart-box small">
          <Doughnut
            updateMode="none"
            aria-label={`Doughnut chart: ${['normal', 'warning', 'critical', 'offline'].map((s, i) => `${formatCount(counts[i])} ${s}`).join(', ')}`}
            role="img"
            data={{
              labels: ['Normal', 'Warning', 'Critical', 'Offline'],
              datasets: [
                {
                  data: counts,
                  backgroundColor: [c.normal, c.warning, c.critical, c.offline],
                  borderColor: c.surface,
                  borderWidth: 2,
                },
              ],
            }}
            options={{
              animation: false,
              maintainAspectRatio: false,
              cutout: '68%',
              plugins: {
                legend: { position: 'right', labels: { color: c.text, boxWidth: 12 } },
                tooltip: { callbacks: { label: (item) => ` ${formatCount(Number(item.raw))} sensors` } },
              },
            }}
          />
        </div>
      </section>
    );
  },
  (a, b) =>
    a.stats?.status_normal === b.stats?.status_normal &&
    a.stats?.status_warning === b.stats?.status_warning &&
    a.stats?.status_critical === b.stats?.status_critical &&
    a.stats?.status_offline === b.stats?.status_offline &&
    a.stats?.healthy_percent === b.stats?.healthy_percent,
);
