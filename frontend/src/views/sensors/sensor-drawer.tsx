/**
 * One sensor in detail: live values (refreshed every 2 s), per-metric history, the anomaly score
 * timeline against the 0.5 threshold, failure probability and the detector's reasons.
 */
import { useEffect, useRef } from 'react';
import { HistoryChart } from '../../charts/history-chart.tsx';
import { chartColors } from '../../charts/register.ts';
import type { SensorHistoryPoint, SensorHistoryResponse, SensorResponse } from '../../contract.ts';
import {
  formatDateTime,
  formatDuration,
  formatNumber,
  formatQuantity,
  formatRatio,
  formatTime,
  humanize,
  type Unit,
} from '../../data/format.ts';
import { useApi } from '../../data/use-api.ts';
import './sensor-drawer.css';

const METRICS: readonly { key: keyof SensorHistoryPoint; label: string; unit: Unit }[] = [
  { key: 'power_kw', label: 'Power', unit: 'kW' },
  { key: 'current', label: 'Current', unit: 'A' },
  { key: 'temperature', label: 'Temperature', unit: '°C' },
  { key: 'vibration', label: 'Vibration', unit: 'mm/s' },
  { key: 'pressure', label: 'Pressure', unit: 'bar' },
];

export function SensorDrawer({ sensorId, onClose }: { sensorId: string; onClose: () => void }) {
  const id = encodeURIComponent(sensorId);
  const current = useApi<SensorResponse>(`/api/sensors/${id}`, 2000);
  const history = useApi<SensorHistoryResponse>(`/api/sensors/${id}/history`, 15_000);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const s = current.data?.sensor;
  const points = history.data?.points ?? [];
  const c = chartColors();
  const series = (key: keyof SensorHistoryPoint) =>
    points.map((p) => ({ x: Date.parse(p.ts), y: p[key] as number | null }));

  return (
    <aside className="drawer" aria-label={`Sensor ${sensorId}`} data-testid="sensor-drawer">
      <div className="panel-head">
        <h2>{sensorId}</h2>
        {s && <span className={`pill s-${s.status}`}>{s.status}</span>}
        <span className="spacer" />
        <button type="button" ref={closeButton} onClick={onClose} aria-label="Close sensor details">
          ✕ Close
        </button>
      </div>
      {current.error && (
        <p className="error" role="status">
          {current.error.status === 404
            ? 'This sensor is unknown or has expired.'
            : `Live values unavailable: ${current.error.message}`}
          {s && ` Showing values from ${formatTime(current.receivedAt)}.`}
        </p>
      )}
      {s && (
        <>
          <p className="muted">
            {humanize(s.device_type)} · {humanize(s.location)} · reading of {formatTime(s.ts)} · model{' '}
            {s.model_version}
          </p>
          <dl className="kv" data-testid="drawer-values">
            <Value label="Power" value={formatQuantity(s.power_kw, 'kW')} />
            <Value label="Current" value={formatQuantity(s.current, 'A')} />
            <Value label="Voltage" value={formatQuantity(s.voltage, 'V')} />
            <Value
              label="Power factor"
              value={s.power_factor === null ? '—' : formatNumber(s.power_factor, 2)}
            />
            <Value label="Temperature" value={formatQuantity(s.temperature, '°C')} />
            <Value label="Pressure" value={formatQuantity(s.pressure, 'bar')} />
            <Value label="Vibration" value={formatQuantity(s.vibration, 'mm/s')} />
            <Value label="Energy meter" value={formatQuantity(s.energy_kwh, 'kWh', 4)} />
            {Object.entries(s.extra ?? {}).map(([k, v]) => (
              <Value key={k} label={humanize(k)} value={formatNumber(v)} />
            ))}
          </dl>
          <section aria-labelledby="risk-title" className="list">
            <h3 id="risk-title">Risk</h3>
            <div className="row">
              <span>
                Anomaly score <strong>{formatNumber(s.anomaly_score, 2)}</strong> (threshold 0.50)
              </span>
              <span className="spacer" />
              <span>
                Failure probability{' '}
                <strong data-testid="failure-probability">{formatRatio(s.failure_probability, 0)}</strong>
              </span>
            </div>
            <div
              className="meter"
              role="img"
              aria-label={`failure probability ${formatRatio(s.failure_probability, 0)}`}
            >
              <span
                style={{
                  width: `${Math.round(s.failure_probability * 100)}%`,
                  background:
                    s.failure_probability > 0.7
                      ? c.critical
                      : s.failure_probability > 0.3
                        ? c.warning
                        : c.normal,
                }}
              />
            </div>
            <h3>Why</h3>
            {s.reasons.length > 0 ? (
              <ul data-testid="drawer-reasons">
                {s.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing unusual in the latest reading.</p>
            )}
            {s.injected && <p className="muted">Simulator ground truth: {humanize(s.injected)} injected.</p>}
          </section>
        </>
      )}
      <section aria-labelledby="history-title" className="list">
        <h3 id="history-title">
          History{' '}
          {history.data && (
            <span className="muted">({formatDuration(history.data.bucket_ms)} buckets, local time)</span>
          )}
        </h3>
        {points.length === 0 ? (
          <p className="empty">{history.loading ? 'Loading history…' : 'No history stored yet.'}</p>
        ) : (
          <>
            <div className="item">
              <strong>Anomaly score (max per bucket)</strong>
              <HistoryChart
                points={series('max_anomaly_score')}
                label="Anomaly score"
                unit=""
                color={c.accent2}
                threshold={0.5}
                min={0}
                max={1}
              />
            </div>
            {METRICS.filter((m) => points.some((p) => p[m.key] !== null)).map((m) => (
              <div className="item" key={m.key}>
                <strong>
                  {m.label} <span className="muted">({m.unit})</span>
                </strong>
                <HistoryChart points={series(m.key)} label={m.label} unit={m.unit} />
              </div>
            ))}
            <p className="muted">Oldest point {formatDateTime(points[0]?.ts)}.</p>
          </>
        )}
      </section>
    </aside>
  );
}

function Value({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
