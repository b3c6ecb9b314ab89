/** The six figures an energy manager looks at first, each with a trend from the live series. */
import { useNow } from '../../components/connection-badge.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { StatusBar } from '../../components/status-bar.tsx';
import {
  formatAgo,
  formatClock,
  formatCount,
  formatMoney,
  formatNumber,
  formatQuantity,
  formatRatio,
  humanize,
} from '../../data/format.ts';
import { liveStore } from '../../data/live.ts';
import type { LiveSnapshot } from '../../data/live-store.ts';
import { growthOver, trendOver } from './trends.ts';
import { useToday } from './use-today.ts';

const TEN_MIN = 10 * 60_000;
const MINUTE = 60_000;

export function StatCards({ live }: { live: LiveSnapshot }) {
  const { stats, producer, connection } = live;
  const stale = connection.state !== 'live';
  const today = useToday(stats);
  const now = useNow(5000);
  const s = liveStore.series;
  const anomaliesLastMin = growthOver(s.anomalies, MINUTE);
  const anomaliesMinBefore =
    s.anomalies.length > 0
      ? growthOver(s.anomalies, MINUTE, s.anomalies.xAt(s.anomalies.length - 1) - MINUTE)
      : null;
  const energyLastHour = growthOver(s.energyKwh, 60 * MINUTE);
  const criticalTrend = trendOver(s.critical, TEN_MIN);
  const producers = producer?.producers ?? [];
  const rate = producers.reduce((sum, p) => sum + (p.connected ? (p.rate_hz ?? 0) : 0), 0);

  return (
    <div className="cards">
      <StatCard
        label="Fleet power now"
        testId="card-power"
        value={formatQuantity(stats?.total_power_kw, 'kW')}
        trend={trendOver(s.powerKw, TEN_MIN)}
        stale={stale}
        sub={stats && `${formatQuantity(stats.average_power_kw, 'kW')} per online sensor`}
      />
      <StatCard
        label="Energy today"
        testId="card-energy"
        value={formatQuantity(today?.energyKwh, 'kWh')}
        stale={stale}
        sub={[
          energyLastHour !== null && `${formatQuantity(energyLastHour, 'kWh')} in the last hour`,
          today?.startedMs
            ? `since ${formatClock(today.startedMs)}, when data began`
            : 'since 00:00 local time',
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <StatCard
        label="Cost today"
        testId="card-cost"
        value={today ? formatMoney(today.cost, today.currency) : '—'}
        stale={stale}
        sub={
          stats &&
          `${formatMoney(stats.current_rate, stats.currency)}/kWh ${humanize(stats.tariff_period).toLowerCase()} · ${formatMoney(stats.cost_per_hour, stats.currency)}/h now`
        }
      />
      <StatCard
        label="Sensors"
        testId="card-sensors"
        value={formatCount(stats?.total_sensors)}
        trend={criticalTrend && { ...criticalTrend, text: `${criticalTrend.text} critical` }}
        stale={stale}
        sub={
          stats && (
            <>
              <span className="s-normal">{formatCount(stats.status_normal)} normal</span> ·{' '}
              <span className="s-warning">{formatCount(stats.status_warning)} warning</span> ·{' '}
              <span className="s-critical">{formatCount(stats.status_critical)} critical</span> ·{' '}
              <span className="s-offline">{formatCount(stats.status_offline)} offline</span>
            </>
          )
        }
      >
        {stats && (
          <StatusBar
            counts={{
              normal: stats.status_normal,
              warning: stats.status_warning,
              critical: stats.status_critical,
              offline: stats.status_offline,
            }}
          />
        )}
      </StatCard>
      <StatCard
        label="Anomalies"
        testId="card-anomalies"
        value={anomaliesLastMin === null ? '—' : `${formatCount(anomaliesLastMin)} /min`}
        trend={
          anomaliesLastMin !== null && anomaliesMinBefore !== null
            ? {
                text: `${anomaliesLastMin - anomaliesMinBefore >= 0 ? '+' : '−'}${formatCount(Math.abs(anomaliesLastMin - anomaliesMinBefore))}`,
                direction: Math.sign(anomaliesLastMin - anomaliesMinBefore) as -1 | 0 | 1,
                against: 'vs the minute before',
              }
            : null
        }
        stale={stale}
        sub={
          stats &&
          `${formatCount(stats.anomaly_count)} flagged of ${formatCount(stats.total_readings)} readings (${formatRatio(stats.total_readings ? stats.anomaly_count / stats.total_readings : null, 2)})`
        }
      />
      <StatCard
        label="Producer"
        testId="card-producer"
        value={producer === null ? '—' : producer.is_active ? 'Connected' : 'Disconnected'}
        stale={stale}
        sub={
          producer && (
            <>
              {producer.is_active
                ? `${formatNumber(rate)} readings/s sent · ${formatNumber(stats?.readings_per_second ?? 0)} readings/s stored`
                : `last data ${formatAgo(producer.last_data_time, now)}`}
              {producers.length > 0 && ` · ${producers.length} producer${producers.length > 1 ? 's' : ''}`}
            </>
          )
        }
      >
        <span
          className={`badge ${producer?.is_active ? 'badge-normal' : 'badge-critical'}`}
          data-testid="producer-state"
          data-active={producer?.is_active ?? 'unknown'}
          style={{ justifySelf: 'start' }}
        >
          <span className="dot" aria-hidden="true" />
          {producer === null ? 'unknown' : producer.is_active ? 'streaming' : 'no heartbeat'}
        </span>
      </StatCard>
    </div>
  );
}
