/** Sensors by status as a doughnut; react-chartjs-2 updates the one chart in place when counts change. */
import { Doughnut } from 'react-chartjs-2';
import '../../charts/register.ts';
import { chartColors } from '../../charts/register.ts';
import type { StatsSummary } from '../../contract.ts';
import { formatCount } from '../../data/format.ts';

export function StatusDoughnut({ stats }: { stats: StatsSummary | null }) {
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
}
