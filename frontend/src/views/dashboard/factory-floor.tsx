import { memo } from 'react';
/**
 * Every location of the plant (the system we replace showed 4 of 7) with its zone health: the share
 * of online sensors in normal status, and the counts behind it. A zone opens the Sensors tab filtered to it.
 */
import { navigate } from '../../app/use-location.ts';
import { StatusBar } from '../../components/status-bar.tsx';
import type { LocationHealthResponse } from '../../contract.ts';
import { formatCount, formatTime, humanize } from '../../data/format.ts';
import { useApi } from '../../data/use-api.ts';

/** Memoized: it polls on its own, so the dashboard's live re-renders need not touch it. */
export const FactoryFloor = memo(function FactoryFloor() {
  const health = useApi<LocationHealthResponse>('/api/locations/health', 5000);
  const zones = health.data?.locations ?? [];
  return (
    <section className="panel" aria-labelledby="floor-title" data-testid="factory-floor">
      <div className="panel-head">
        <h2 id="floor-title">Factory floor</h2>
        <span className="muted">{zones.length > 0 && `${zones.length} zones`}</span>
        <span className="spacer" />
        {health.error && (
          <span className="error" role="status">
            zone health unavailable ({health.error.message})
            {health.data && `, showing ${formatTime(health.data.timestamp)}`}
          </span>
        )}
      </div>
      {zones.length === 0 ? (
        <p className="empty">{health.loading ? 'Loading zones…' : 'No sensor has reported yet.'}</p>
      ) : (
        <div className="floor">
          {zones.map((z) => {
            const tone = z.critical > 0 ? 'critical' : z.warning > 0 ? 'warning' : '';
            return (
              <button
                type="button"
                key={z.location}
                className={`zone ${tone}`}
                data-location={z.location}
                onClick={() => navigate(`/sensors?location=${encodeURIComponent(z.location)}`)}
                aria-label={`${humanize(z.location)}: ${z.healthy_percent ?? 'no'} percent healthy, ${z.critical} critical, ${z.warning} warning. Show its sensors.`}
              >
                <span className="name">
                  <span className="label" title={humanize(z.location)}>
                    {humanize(z.location)}
                  </span>
                  <span className="muted">{formatCount(z.sensors)} sensors</span>
                </span>
                <span className="health">
                  {z.healthy_percent === null ? '—' : `${z.healthy_percent.toFixed(1)} %`}
                  <span className="muted" style={{ fontSize: 12, fontWeight: 400 }}>
                    {' '}
                    healthy
                  </span>
                </span>
                <StatusBar counts={z} />
                <span className="counts">
                  <span className="s-warning">{formatCount(z.warning)} warn</span>
                  <span className="s-critical">{formatCount(z.critical)} crit</span>
                  <span className="s-offline">{formatCount(z.offline)} off</span>
                </span>
              </button>
            );
          })}
        </div>
      )}
    </section>
  );
});
