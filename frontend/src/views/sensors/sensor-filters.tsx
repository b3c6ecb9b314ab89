/** Filter controls of the Sensors tab; every change goes to the URL (typing is debounced). */
import { useEffect, useState } from 'react';
import { setQuery } from '../../app/use-location.ts';
import {
  DEVICE_TYPE_VALUES,
  type LocationsResponse,
  SENSOR_STATUS_VALUES,
  type SensorFilter,
} from '../../contract.ts';
import { humanize } from '../../data/format.ts';
import { useApi } from '../../data/use-api.ts';

export function SensorFilters({ filter }: { filter: SensorFilter }) {
  const locations = useApi<LocationsResponse>('/api/locations', 60_000);
  const [text, setText] = useState(filter.text ?? '');
  useEffect(() => setText(filter.text ?? ''), [filter.text]);
  useEffect(() => {
    if (text === (filter.text ?? '')) return;
    const timer = setTimeout(() => setQuery({ text: text.trim() }), 250);
    return () => clearTimeout(timer);
  }, [text, filter.text]);
  const valid = /^[A-Za-z0-9_.:-]*$/.test(text);

  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter sensors">
      <label>
        Status
        <select
          value={filter.status ?? ''}
          onChange={(e) => setQuery({ status: e.target.value })}
          data-testid="filter-status"
        >
          <option value="">all</option>
          {SENSOR_STATUS_VALUES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Location
        <select
          value={filter.location ?? ''}
          onChange={(e) => setQuery({ location: e.target.value })}
          data-testid="filter-location"
        >
          <option value="">all</option>
          {(locations.data?.locations ?? (filter.location ? [filter.location] : [])).map((l) => (
            <option key={l} value={l}>
              {humanize(l)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Type
        <select
          value={filter.type ?? ''}
          onChange={(e) => setQuery({ type: e.target.value })}
          data-testid="filter-type"
        >
          <option value="">all</option>
          {DEVICE_TYPE_VALUES.map((t) => (
            <option key={t} value={t}>
              {humanize(t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sensor id starts with
        <input
          type="search"
          value={text}
          placeholder="e.g. sensor_01"
          onChange={(e) => setText(e.target.value)}
          aria-invalid={!valid}
          data-testid="filter-text"
        />
      </label>
      {!valid && <span className="error">letters, digits and _ . : - only</span>}
      <button type="button" onClick={() => setQuery({ status: '', location: '', type: '', text: '' })}>
        Clear
      </button>
    </form>
  );
}
