/** A thin stacked bar of sensors by status, with the counts for screen readers. */
import { formatCount } from '../data/format.ts';
import './status-bar.css';

export interface StatusCounts {
  readonly normal: number;
  readonly warning: number;
  readonly critical: number;
  readonly offline: number;
}

const ORDER = ['normal', 'warning', 'critical', 'offline'] as const;

export function StatusBar({ counts }: { counts: StatusCounts }) {
  const total = ORDER.reduce((sum, s) => sum + counts[s], 0);
  const label = ORDER.map((s) => `${formatCount(counts[s])} ${s}`).join(', ');
  return (
    <div className="statusbar" role="img" aria-label={label}>
      {total > 0 &&
        ORDER.map((s) =>
          counts[s] > 0 ? (
            <span key={s} className={`bg-${s}`} style={{ width: `${(counts[s] / total) * 100}%` }} />
          ) : null,
        )}
    </div>
  );
}
