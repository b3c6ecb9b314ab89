/** The Sensors tab: server-side filters, a virtualized live table of every matching sensor, and a drawer per sensor. */
import { useCallback } from 'react';
import { setQuery, useLocation } from '../../app/use-location.ts';
import { formatCount } from '../../data/format.ts';
import { useLive } from '../../data/use-live.ts';
import { SensorDrawer } from './sensor-drawer.tsx';
import { SensorFilters } from './sensor-filters.tsx';
import { sensorQueryOf } from './sensor-query.ts';
import { SensorTable } from './sensor-table.tsx';
import { useSensorPages } from './use-sensor-pages.ts';

export function SensorsView() {
  const location = useLocation();
  const { filter, selected } = sensorQueryOf(location.searchParams);
  const live = useLive();
  const pages = useSensorPages(filter, live);
  const open = useCallback((id: string) => setQuery({ sensor: id }), []);
  const close = useCallback(() => setQuery({ sensor: '' }), []);
  const { want, follow } = pages;
  const onVisible = useCallback(
    (first: number, last: number) => {
      want(last);
      follow(first);
    },
    [want, follow],
  );
  const filtered = Object.keys(filter).length > 0;
  const total = live.stats?.total_sensors;

  return (
    <div className="view">
      <div className="view-head">
        <h1>Sensors</h1>
        <span className="muted" data-testid="sensor-count">
          {countText(pages.rows.length, pages.complete, filtered, total)}
        </span>
        {pages.error && (
          <span className="error" role="status">
            Could not load sensors: {pages.error.message}
          </span>
        )}
      </div>
      <SensorFilters filter={filter} />
      {pages.rows.length === 0 && !pages.loading && !pages.error ? (
        <p className="empty" data-testid="no-sensors">
          No sensor matches this filter.
        </p>
      ) : (
        <SensorTable
          rows={pages.rows}
          version={pages.version}
          complete={pages.complete}
          selected={selected}
          onOpen={open}
          onVisible={onVisible}
        />
      )}
      {selected && <SensorDrawer sensorId={selected} onClose={close} />}
    </div>
  );
}

/** "300 sensors", "12 matching sensors", "200 loaded of 100,000, more as you scroll" (no total until stats arrive). */
function countText(loaded: number, complete: boolean, filtered: boolean, total: number | undefined): string {
  if (complete) return `${formatCount(loaded)} ${filtered ? 'matching sensors' : 'sensors'}`;
  const of = !filtered && total !== undefined ? ` of ${formatCount(total)}` : '';
  return `${formatCount(loaded)} loaded${of}, more as you scroll`;
}
