/** Critical alerts as they arrive over the WebSocket (newest first), and the sensors critical right now. */

import { navigate } from '../../app/use-location.ts';
import { formatTime, humanize } from '../../data/format.ts';
import type { LiveSnapshot } from '../../data/live-store.ts';

export function AlertFeed({ live }: { live: LiveSnapshot }) {
  const { feed, critical } = live;
  return (
    <section className="panel" aria-labelledby="feed-title" data-testid="alert-feed">
      <div className="panel-head">
        <h2 id="feed-title">Critical alerts</h2>
        <span className="spacer" />
        <span className="muted" data-testid="critical-count">
          {critical ? `${critical.count} critical now` : ''}
        </span>
      </div>
      <ul className="feed" aria-live="polite" aria-relevant="additions">
        {feed.map((a, i) => (
          <li key={a.id} className={i < 5 ? 'fresh' : ''} data-alert-id={a.id} data-sensor={a.sensor_id}>
            <span className="who">
              <a
                href={`/sensors?sensor=${encodeURIComponent(a.sensor_id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/sensors?sensor=${encodeURIComponent(a.sensor_id)}`);
                }}
              >
                {a.sensor_id}
              </a>
              <time dateTime={a.ts}>{formatTime(a.ts)}</time>
            </span>
            {a.sensor && (
              <span className="muted">
                {humanize(a.sensor.device_type)} · {humanize(a.sensor.location)}
              </span>
            )}
            <span className="why">{a.reasons.slice(0, 2).join('; ') || 'critical'}</span>
          </li>
        ))}
        {feed.length === 0 &&
          (critical?.sensors ?? []).map((s) => (
            <li key={s.sensor_id} data-sensor={s.sensor_id}>
              <span className="who">
                {s.sensor_id}
                <time dateTime={s.ts}>{formatTime(s.ts)}</time>
              </span>
              <span className="muted">
                {humanize(s.device_type)} · {humanize(s.location)}
              </span>
              <span className="why">{s.reasons.slice(0, 2).join('; ') || 'critical'}</span>
            </li>
          ))}
      </ul>
      {feed.length === 0 && (critical?.count ?? 0) === 0 && (
        <p className="empty">No critical alert since this page opened.</p>
      )}
    </section>
  );
}
