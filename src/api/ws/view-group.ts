/**
 * Clients with the same filter share one view group: one store read per tick for all of them, and
 * one serialized message. The group remembers the version of each sensor it last sent, so an update
 * carries only the sensors that changed and the ids that left the view.
 */
import type { SensorState } from '../../domain/sensor-state.ts';
import type { SensorPage } from '../../store/store-reader.ts';
import type { SensorFilter } from '../contract/sensor-filter.ts';

export interface ViewGroup<C> {
  readonly key: string;
  readonly filter: SensorFilter;
  readonly clients: Set<C>;
  /** Sensors changed since the last call (or the seed), and ids no longer in the view. */
  diff(items: readonly SensorState[]): { changed: SensorState[]; removed: string[] };
  /** Remembers `items` as sent (a new group starts from the snapshot its first client got). */
  seed(items: readonly SensorState[]): void;
  /** The page read last (by a tick or a snapshot), with when (performance.now()), for joining clients. */
  latest: { readonly page: SensorPage; readonly at: number } | null;
}

const versionOf = (s: SensorState) => `${s.seq}|${s.status}|${s.processed_at}`;

export function createViewGroup<C>(key: string, filter: SensorFilter): ViewGroup<C> {
  let versions = new Map<string, string>();
  return {
    key,
    filter,
    clients: new Set<C>(),
    latest: null,
    diff(items) {
      const next = new Map<string, string>();
      const changed: SensorState[] = [];
      for (const item of items) {
        const version = versionOf(item);
        next.set(item.sensor_id, version);
        if (versions.get(item.sensor_id) !== version) changed.push(item);
      }
      const removed = [...versions.keys()].filter((id) => !next.has(id));
      versions = next;
      return { changed, removed };
    },
    seed(items) {
      versions = new Map(items.map((item) => [item.sensor_id, versionOf(item)]));
    },
  };
}
