/** The Optimization tab: the optimizer's suggestions with priority, savings per day and the evidence behind each. */
import { navigate, setQuery, useLocation } from '../../app/use-location.ts';
import { LoadState } from '../../components/load-state.tsx';
import { Segmented } from '../../components/segmented.tsx';
import type { Suggestion, SuggestionPriority, SuggestionsResponse } from '../../contract.ts';
import { formatCount, formatMoney, formatNumber, formatTime, humanize } from '../../data/format.ts';
import { useApi } from '../../data/use-api.ts';

type PriorityFilter = 'all' | SuggestionPriority;
const PRIORITIES: readonly { value: PriorityFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'critical', label: 'Critical' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];
const TONE: Record<SuggestionPriority, string> = {
  critical: 's-critical',
  high: 's-warning',
  medium: 's-normal',
  low: 's-offline',
};

export function OptimizationView() {
  const location = useLocation();
  const priority = (PRIORITIES.find((p) => p.value === location.searchParams.get('priority'))?.value ??
    'all') as PriorityFilter;
  const state = useApi<SuggestionsResponse>('/api/optimization/suggestions?limit=100', 30_000);
  const all = state.data?.suggestions ?? [];
  const shown = priority === 'all' ? all : all.filter((s) => s.priority === priority);
  const currency = state.data?.tariff.currency ?? 'USD';
  const savings = shown.reduce((sum, s) => sum + s.savings_per_day, 0);

  return (
    <div className="view">
      <div className="view-head">
        <h1>Optimization</h1>
        <Segmented<PriorityFilter>
          label="Priority"
          options={PRIORITIES}
          value={priority}
          onChange={(value) => setQuery({ priority: value === 'all' ? '' : value })}
        />
        {state.data && (
          <span className="muted" data-testid="savings-total">
            {formatCount(shown.length)} suggestions · {formatMoney(savings, currency)}/day estimated savings ·{' '}
            {formatCount(state.data.sensors_analyzed)} sensors analyzed at{' '}
            {formatTime(state.data.generated_at)}
          </span>
        )}
      </div>
      <LoadState state={state} what="Suggestions" />
      {state.data && (
        <p className="muted">
          Tariff per kWh: {formatMoney(state.data.tariff.off_peak, currency)} off-peak (
          {state.data.tariff.off_peak_hours.join('–')} h), {formatMoney(state.data.tariff.shoulder, currency)}{' '}
          shoulder, {formatMoney(state.data.tariff.on_peak, currency)} on-peak (
          {state.data.tariff.peak_hours.join('–')} h), plant time zone {state.data.tariff.time_zone}.
        </p>
      )}
      {state.data && shown.length === 0 && (
        <p className="empty">
          No suggestion{priority === 'all' ? '' : ` of ${priority} priority`} right now.
        </p>
      )}
      <div className="grid-2" data-testid="suggestions">
        {shown.map((s) => (
          <SuggestionCard key={s.id} s={s} />
        ))}
      </div>
    </div>
  );
}

function SuggestionCard({ s }: { s: Suggestion }) {
  return (
    <article className="panel item" data-priority={s.priority} aria-label={`${s.title} for ${s.sensor_id}`}>
      <div className="panel-head" style={{ marginBottom: 0 }}>
        <span className={`pill ${TONE[s.priority]}`}>{s.priority}</span>
        <h2>{s.title}</h2>
        <span className="spacer" />
        <strong>{formatMoney(s.savings_per_day, s.currency)}/day</strong>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        <a
          href={`/sensors?sensor=${encodeURIComponent(s.sensor_id)}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/sensors?sensor=${encodeURIComponent(s.sensor_id)}`);
          }}
        >
          {s.sensor_id}
        </a>{' '}
        · {humanize(s.device_type)} · {humanize(s.location)} · {humanize(s.type)} · action:{' '}
        {humanize(s.action).toLowerCase()}
      </p>
      <p style={{ margin: 0 }}>{s.description}</p>
      <details>
        <summary>Evidence ({s.evidence.length})</summary>
        <dl className="kv">
          {s.evidence.map((e, i) => (
            // evidence may repeat a name (several reasons), so the index keeps keys unique
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
            <div key={i} title={e.note}>
              <dt>{humanize(e.name)}</dt>
              <dd>
                {typeof e.value === 'number' ? formatNumber(e.value) : e.value}
                {e.unit ? ` ${e.unit}` : ''}
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </article>
  );
}
