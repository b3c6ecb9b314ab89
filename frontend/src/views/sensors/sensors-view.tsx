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
          {pages.complete
            ? `${formatCount(pages.rows.length)} ${filtered ? 'matching' : ''} sensors`
            : `${formatCount(pages.rows.length)} loaded${filtered ? '' : ` of ${formatCount(total)}`}, more as you scroll`}
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
