/**
 * The rows of the Sensors table: pages of the REST list (server-side filter and cursor pagination)
 * loaded as the table scrolls towards their end, and the page on screen kept live through the one
 * WebSocket (its view is that page: same filter, same cursor, same size). Rows live in a ref and a
 * version number tells React when to draw, so live updates cost one render per published snapshot.
 */
import { useEffect, useRef, useState } from 'react';
import { MAX_WS_VIEW, type Sensor, type SensorFilter, type SensorListResponse } from '../../contract.ts';
import { ApiFailure, apiFetch, queryString } from '../../data/api-client.ts';
import { liveSocket } from '../../data/live.ts';
import type { LiveSnapshot } from '../../data/live-store.ts';
import { filterKey } from './sensor-query.ts';

/** REST page size = WebSocket view size, so a page on screen can be followed live as a whole. */
export const PAGE_SIZE = MAX_WS_VIEW;
const FOLLOW_AFTER_MS = 300;

export interface SensorPages {
  readonly rows: readonly Sensor[];
  readonly version: number;
  readonly complete: boolean;
  readonly loading: boolean;
  readonly error: ApiFailure | null;
  /** Asks for more rows when row `index` is on screen. */
  want(index: number): void;
  /** Follows the page holding row `index` live. */
  follow(index: number): void;
}

export function useSensorPages(filter: SensorFilter, live: LiveSnapshot): SensorPages {
  const key = filterKey(filter);
  const rows = useRef<Sensor[]>([]);
  const indexOf = useRef(new Map<string, number>());
  const cursors = useRef<(string | undefined)[]>([undefined]);
  const [state, setState] = useState({
    version: 0,
    complete: false,
    loading: true,
    error: null as ApiFailure | null,
  });
  const inFlight = useRef<AbortController | null>(null);
  const followed = useRef(-1);
  const followTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const loadNext = () => {
    const page = cursors.current.length - 1;
    const cursor = cursors.current[page];
    if (inFlight.current || (page > 0 && cursor === undefined)) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => ({ ...s, loading: true }));
    apiFetch<SensorListResponse>(
      `/api/sensors${queryString({ ...filterRef.current, limit: PAGE_SIZE, cursor })}`,
      { signal: controller.signal },
    )
      .then((body) => {
        // an answer for a filter that was replaced meanwhile belongs to nobody
        if (controller.signal.aborted || inFlight.current !== controller) return;
        for (const sensor of body.sensors) {
          indexOf.current.set(sensor.sensor_id, rows.current.length);
          rows.current.push(sensor);
        }
        const next = body.pagination.next_cursor ?? undefined;
        cursors.current.push(next);
        inFlight.current = null;
        setState((s) => ({
          version: s.version + 1,
          complete: next === undefined,
          loading: false,
          error: null,
        }));
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted || inFlight.current !== controller) return;
        inFlight.current = null;
        const failure = error instanceof ApiFailure ? error : new ApiFailure(String(error), 0, 'client');
        setState((s) => ({ ...s, loading: false, error: failure }));
      });
  };
  const loadRef = useRef(loadNext);
  loadRef.current = loadNext;

  // a new filter starts over: first page, and the live view on it
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filter's value
  useEffect(() => {
    inFlight.current?.abort();
    inFlight.current = null;
    rows.current = [];
    indexOf.current = new Map();
    cursors.current = [undefined];
    followed.current = -1;
    setState({ version: 0, complete: false, loading: true, error: null });
    loadRef.current();
    liveSocket.setFilter({ ...filterRef.current, limit: PAGE_SIZE });
    return () => inFlight.current?.abort();
  }, [key]);

  // leaving the tab: the dashboard needs no sensor page, so the server sends the smallest view
  useEffect(
    () => () => {
      if (followTimer.current) clearTimeout(followTimer.current);
      liveSocket.setFilter({ limit: 1 });
    },
    [],
  );

  // live states of the followed page replace the loaded rows in place
  const [liveVersion, setLiveVersion] = useState(0);
  useEffect(() => {
    let changed = false;
    for (const sensor of live.view.sensors) {
      const i = indexOf.current.get(sensor.sensor_id);
      const shown = i === undefined ? undefined : rows.current[i];
      // a snapshot repeats states the table already has: only a newer state (or a new verdict on the
      // same reading) replaces a row, so an unchanged page costs no re-render
      if (
        i !== undefined &&
        shown &&
        (shown.seq < sensor.seq || (shown.seq === sensor.seq && shown.processed_at !== sensor.processed_at))
      ) {
        rows.current[i] = sensor;
        changed = true;
      }
    }
    if (changed) setLiveVersion((v) => v + 1);
  }, [live.view]);

  return {
    rows: rows.current,
    version: state.version + liveVersion,
    complete: state.complete,
    loading: state.loading,
    error: state.error,
    want(index) {
      if (!state.complete && !state.error && index >= rows.current.length - PAGE_SIZE / 2) loadRef.current();
    },
    follow(index) {
      const page = Math.floor(index / PAGE_SIZE);
      if (page === followed.current || page >= cursors.current.length) return;
      followed.current = page;
      // while the table flies past pages, subscribing to each would fetch snapshots nobody sees:
      // the page on screen is followed once scrolling pauses
      if (followTimer.current) clearTimeout(followTimer.current);
      followTimer.current = setTimeout(() => {
        followTimer.current = null;
        liveSocket.setFilter({ ...filterRef.current, limit: PAGE_SIZE, cursor: cursors.current[page] });
      }, FOLLOW_AFTER_MS);
    },
  };
}
