/**
 * The Alerts tab: warning and critical transitions, newest first, filtered by severity, state and
 * sensor; acknowledge one at a time. The first page refreshes every few seconds and at once when
 * a critical burst arrives over the WebSocket.
 */
import { useEffect, useState } from 'react';
import { setQuery, useLocation } from '../../app/use-location.ts';
import { LoadState } from '../../components/load-state.tsx';
import { Segmented } from '../../components/segmented.tsx';
import type { AlertItem, AlertListResponse } from '../../contract.ts';
import { apiFetch } from '../../data/api-client.ts';
import { formatCount, formatStamp, formatTime } from '../../data/format.ts';
import { useApi } from '../../data/use-api.ts';
import { useLive } from '../../data/use-live.ts';
import { acknowledge } from './acknowledge.ts';

type Severity = 'all' | 'critical' | 'warning';
type AlertState = 'all' | 'open' | 'acknowledged' | 'recovered';

export function AlertsView() {
  const params = useLocation().searchParams;
  const severity = (params.get('severity') ?? 'all') as Severity;
  const shownState = (params.get('state') ?? 'all') as AlertState;
  const sensor = params.get('sensor') ?? '';
  const first = useApi<AlertListResponse>('/api/alerts?limit=200', 5000);
  const live = useLive();
  const [older, setOlder] = useState<AlertItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [acked, setAcked] = useState<Record<string, boolean>>({});

  const newestFeed = live.feed[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new critical burst is the reason to reload
  useEffect(() => {
    if (newestFeed) first.reload();
  }, [newestFeed]);
  useEffect(() => {
    if (older.length === 0) setCursor(first.data?.pagination.next_cursor ?? null);
  }, [first.data, older.length]);

  const loadMore = async () => {
    if (!cursor) return;
    const page = await apiFetch<AlertListResponse>(
      `/api/alerts?limit=200&cursor=${encodeURIComponent(cursor)}`,
    );
    setOlder((o) => [...o, ...page.alerts]);
    setCursor(page.pagination.next_cursor);
  };
  const ack = async (id: string) => {
    setNotes((n) => ({ ...n, [id]: 'acknowledging…' }));
    const outcome = await acknowledge(id);
    setNotes((n) => ({ ...n, [id]: outcome.ok ? outcome.result.replace('_', ' ') : outcome.message }));
    if (outcome.ok) setAcked((a) => ({ ...a, [id]: true }));
  };

  const seen = new Set<string>();
  const all = [...(first.data?.alerts ?? []), ...older].filter((a) => !seen.has(a.id) && seen.add(a.id));
  const shown = all.filter(
    (a) =>
      (severity === 'all' || a.severity === severity) &&
      (sensor === '' || a.sensor_id.startsWith(sensor)) &&
      (shownState === 'all' ||
        (shownState === 'open' && !a.ack && !acked[a.id] && !a.recovered_at) ||
        (shownState === 'acknowledged' && (a.ack || acked[a.id])) ||
        (shownState === 'recovered' && a.recovered_at)),
  );

  return (
    <div className="view">
      <div className="view-head">
        <h1>Alerts</h1>
        <span className="muted" data-testid="alert-count">
          {formatCount(shown.length)} of {formatCount(all.length)} loaded
        </span>
      </div>
      <div className="filters">
        <Segmented<Severity>
          label="Severity"
          options={[
            { value: 'all', label: 'All' },
            { value: 'critical', label: 'Critical' },
            { value: 'warning', label: 'Warning' },
          ]}
          value={severity}
          onChange={(v) => setQuery({ severity: v === 'all' ? '' : v })}
        />
        <Segmented<AlertState>
          label="State"
          options={[
            { value: 'all', label: 'All' },
            { value: 'open', label: 'Open' },
            { value: 'acknowledged', label: 'Acknowledged' },
            { value: 'recovered', label: 'Recovered' },
          ]}
          value={shownState}
          onChange={(v) => setQuery({ state: v === 'all' ? '' : v })}
        />
        <label>
          Sensor id starts with
          <input type="search" value={sensor} onChange={(e) => setQuery({ sensor: e.target.value })} />
        </label>
      </div>
      <LoadState state={first} what="Alerts" />
      <section className="panel" aria-label="Alert list">
        <table className="plain" data-testid="alerts-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Severity</th>
              <th scope="col">Sensor</th>
              <th scope="col">Reasons</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="skip">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.id} data-alert-id={a.id}>
                <td>
                  <time dateTime={a.ts}>{formatStamp(a.ts)}</time>
                </td>
                <td>
                  <span className={`pill s-${a.severity}`}>{a.severity}</span>
                </td>
                <td>{a.sensor_id}</td>
                <td className="reasons">{a.reasons.join('; ')}</td>
                <td>
                  {a.ack || acked[a.id]
                    ? `acknowledged${a.acked_at ? ` ${formatTime(a.acked_at)}` : ''}${a.acked_by ? ` by ${a.acked_by}` : ''}`
                    : 'open'}
                  {a.recovered_at &&
                    ` · recovered ${formatTime(a.recovered_at)} (${a.recovered_status ?? ''})`}
                </td>
                <td>
                  {!a.ack && !acked[a.id] && (
                    <button type="button" onClick={() => ack(a.id)} data-testid="ack">
                      Acknowledge
                    </button>
                  )}
                  {notes[a.id] && (
                    <span className="muted" role="status">
                      {' '}
                      {notes[a.id]}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {first.data && shown.length === 0 && <p className="empty">No alert matches.</p>}
        {cursor && (
          <div className="row" style={{ marginTop: 10 }}>
            <button type="button" onClick={loadMore}>
              Load older alerts
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
