/**
 * The Detection quality tab: how detection does against the simulator's ground truth, live:
 * precision, recall and F1 per anomaly kind, episodes caught and how late.
 */
import { LoadState } from '../../components/load-state.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import type { OutcomeCounts, QualityResponse } from '../../contract.ts';
import {
  formatCount,
  formatDuration,
  formatNumber,
  formatRatio,
  formatTime,
  humanize,
} from '../../data/format.ts';
import { useApi } from '../../data/use-api.ts';

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const f1 = (p: number | null, r: number | null) =>
  p === null || r === null || p + r === 0 ? null : (2 * p * r) / (p + r);

export function QualityView() {
  const state = useApi<QualityResponse>('/api/quality', 5000);
  const q = state.data;
  const kinds = q
    ? Object.keys({ ...q.by_kind, ...q.episodes })
        .filter((k) => k !== 'none')
        .sort()
    : [];
  const none = q?.by_kind.none;
  return (
    <div className="view">
      <div className="view-head">
        <h1>Detection quality</h1>
        <span className="muted">
          against the simulator's injected anomalies (ground truth detection never reads)
          {q && ` · updated ${formatTime(q.timestamp)}`}
        </span>
      </div>
      <LoadState state={state} what="Detection quality" />
      {q && (
        <>
          <div className="cards" data-testid="quality-cards">
            <StatCard
              label="Precision"
              value={formatRatio(q.precision)}
              sub="flagged readings that were anomalous"
            />
            <StatCard
              label="Recall"
              value={formatRatio(q.recall)}
              sub="anomalous readings that were flagged"
            />
            <StatCard
              label="F1"
              value={formatRatio(f1(q.precision, q.recall))}
              sub="harmonic mean of the two"
            />
            <StatCard
              label="False alarm rate"
              value={formatRatio(none ? ratio(none.fp, none.fp + none.tn) : null, 2)}
              sub={`${formatCount(q.total.fp)} of ${formatCount(q.total.fp + q.total.tn)} clean readings flagged`}
            />
          </div>
          <section className="panel" aria-labelledby="kinds-title">
            <div className="panel-head">
              <h2 id="kinds-title">By anomaly kind</h2>
            </div>
            {kinds.length === 0 ? (
              <p className="empty">No injected anomaly seen yet.</p>
            ) : (
              <table className="plain" data-testid="quality-table">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col" className="num">
                      Anomalous readings
                    </th>
                    <th scope="col" className="num">
                      Flagged (TP)
                    </th>
                    <th scope="col" className="num">
                      Missed (FN)
                    </th>
                    <th scope="col" className="num">
                      Recall
                    </th>
                    <th scope="col" className="num">
                      Episodes
                    </th>
                    <th scope="col" className="num">
                      Detected
                    </th>
                    <th scope="col" className="num">
                      Mean delay
                    </th>
                    <th scope="col" className="num">
                      Mean delay (readings)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {kinds.map((kind) => {
                    const o: OutcomeCounts = q.by_kind[kind] ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
                    const e = q.episodes[kind];
                    return (
                      <tr key={kind} data-kind={kind}>
                        <th scope="row">{humanize(kind)}</th>
                        <td className="num">{formatCount(o.tp + o.fn)}</td>
                        <td className="num">{formatCount(o.tp)}</td>
                        <td className="num">{formatCount(o.fn)}</td>
                        <td className="num">{formatRatio(ratio(o.tp, o.tp + o.fn))}</td>
                        <td className="num">{formatCount(e?.episodes)}</td>
                        <td className="num">
                          {e
                            ? `${formatCount(e.detected)} (${formatRatio(ratio(e.detected, e.episodes), 0)})`
                            : '—'}
                        </td>
                        <td className="num">{formatDuration(e?.mean_delay_ms)}</td>
                        <td className="num">
                          {e?.mean_delay_readings === null || !e
                            ? '—'
                            : `${formatNumber(e.mean_delay_readings, 2)} readings`}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <p className="muted">
              Precision per kind is not defined: a false alarm happens on a clean reading, which has no kind.
              Overall: {formatCount(q.total.tp)} TP, {formatCount(q.total.fp)} FP, {formatCount(q.total.fn)}{' '}
              FN, {formatCount(q.total.tn)} TN.
            </p>
          </section>
        </>
      )}
    </div>
  );
}
