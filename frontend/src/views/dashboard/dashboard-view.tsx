/** The Dashboard tab: figures, live power, status, the floor and critical alerts on one screen. */

import { formatTime } from '../../data/format.ts';
import { useLive } from '../../data/use-live.ts';
import { AlertFeed } from './alert-feed.tsx';
import { FactoryFloor } from './factory-floor.tsx';
import { FleetPowerPanel } from './fleet-power-panel.tsx';
import { StatCards } from './stat-cards.tsx';
import { StatusDoughnut } from './status-doughnut.tsx';
import './dashboard.css';

export function DashboardView() {
  const live = useLive();
  return (
    <div className="view">
      <div className="view-head">
        <h1>Plant overview</h1>
        <span className="muted" data-testid="updated-at">
          {live.statsAt ? `updated ${formatTime(live.statsAt)}` : 'waiting for the first update…'}
        </span>
      </div>
      <StatCards live={live} />
      <div className="grid-main">
        <div className="view">
          <FleetPowerPanel powerKw={live.stats?.total_power_kw ?? null} />
          <FactoryFloor />
        </div>
        <div className="view side">
          <StatusDoughnut stats={live.stats} />
          <AlertFeed live={live} />
        </div>
      </div>
    </div>
  );
}
