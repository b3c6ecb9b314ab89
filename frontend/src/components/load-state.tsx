/** What a REST-backed view shows instead of data: loading, or the error and what to do about it. */
import { formatTime } from '../data/format.ts';
import type { ApiState } from '../data/use-api.ts';

export function LoadState({ state, what }: { state: ApiState<unknown>; what: string }) {
  if (state.error) {
    return (
      <p className="error" role="alert" data-testid="load-error">
        {what} unavailable: {state.error.message}.
        {state.data
          ? ` Showing what was received at ${formatTime(state.receivedAt)}.`
          : ' Nothing is shown rather than a guess.'}{' '}
        <button type="button" onClick={state.reload}>
          Retry
        </button>
      </p>
    );
  }
  if (state.loading && !state.data) return <p className="empty">Loading {what.toLowerCase()}…</p>;
  return null;
}
