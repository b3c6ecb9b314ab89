/**
 * Says plainly when what is on screen is not live: the API is unreachable, or the producer stopped.
 * The figures below stay the last real ones, marked with their time, never replaced by guesses.
 */
import { formatAgo, formatTime } from '../data/format.ts';
import type { LiveSnapshot } from '../data/live-store.ts';
import { useNow } from './connection-badge.tsx';
import './stale-banner.css';

export function StaleBanner({ live }: { live: LiveSnapshot }) {
  const now = useNow(1000);
  const { connection, producer, statsAt } = live;
  if (connection.state !== 'live') {
    const since = statsAt ? ` Figures below are from ${formatTime(statsAt)} and are not updating.` : '';
    const lead =
      connection.state === 'connecting' && statsAt === null
        ? 'Connecting to the live feed…'
        : 'The live connection to the server is lost.';
    return (
      <div className="banner banner-critical" role="alert" data-testid="stale-banner">
        <strong>{lead}</strong>
        {since} {connection.attempt > 0 ? `Reconnect attempt ${connection.attempt}.` : ''}
      </div>
    );
  }
  if (producer && !producer.is_active) {
    return (
      <div className="banner banner-warning" role="alert" data-testid="producer-banner">
        <strong>No data is arriving: the producer is disconnected.</strong> Last data{' '}
        {producer.last_data_time ? formatAgo(producer.last_data_time, now) : 'never received'}.
      </div>
    );
  }
  return null;
}
