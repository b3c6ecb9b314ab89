/** One figure with its label, unit, trend and a line of context. */
import type { ReactNode } from 'react';
import './stat-card.css';

export interface Trend {
  readonly text: string;
  readonly direction: -1 | 0 | 1;
  /** What the change is against, e.g. "vs 10 min ago". */
  readonly against: string;
  /** True when up is good news (e.g. healthy sensors), so the colour says so. */
  readonly upIsGood?: boolean;
}

export function StatCard(props: {
  label: string;
  value: string;
  sub?: ReactNode;
  trend?: Trend | null;
  stale?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  const { label, value, sub, trend, stale, testId, children } = props;
  const arrow = trend ? (trend.direction > 0 ? '▲' : trend.direction < 0 ? '▼' : '■') : '';
  const tone = trend
    ? `trend ${trend.direction > 0 ? 'up' : trend.direction < 0 ? 'down' : ''} ${trend.upIsGood ? 'good' : ''}`
    : '';
  return (
    <section className={`panel card${stale ? ' stale' : ''}`} data-testid={testId} aria-label={label}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {trend && (
        <div className={tone}>
          <span aria-hidden="true">{arrow}</span> {trend.text} <span className="muted">{trend.against}</span>
        </div>
      )}
      {sub && <div className="sub">{sub}</div>}
      {children}
    </section>
  );
}
