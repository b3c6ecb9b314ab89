/** The live connection's state, always visible in the header. */
import { useEffect, useState } from 'react';
import { formatDuration } from '../data/format.ts';
import type { LiveSnapshot } from '../data/live-store.ts';
import './connection-badge.css';

const LABEL = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting',
  stopped: 'Offline',
} as const;

export function ConnectionBadge({ live }: { live: LiveSnapshot }) {
  const { connection, producer } = live;
  const now = useNow(connection.state === 'reconnecting' ? 1000 : 0);
  const producerDown = connection.state === 'live' && producer !== null && !producer.is_active;
  const tone = connection.state === 'live' ? (producerDown ? 'warning' : 'normal') : 'critical';
  const retry =
    connection.state === 'reconnecting' && connection.retryAt
      ? ` · retry in ${formatDuration(Math.max(0, connection.retryAt - now))}`
      : '';
  return (
    <output
      className={`badge badge-${tone}`}
      aria-live="polite"
      data-testid="connection"
      data-state={connection.state}
    >
      <span className="dot" aria-hidden="true" />
      {LABEL[connection.state]}
      {retry}
      {producerDown ? ' · producer silent' : ''}
    </output>
  );
}

/** The current time, refreshed every `everyMs` (0 = once). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (everyMs <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
