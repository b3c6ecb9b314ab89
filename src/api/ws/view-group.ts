/**
 * Clients with the same filter share one view group: one store read per tick for all of them, and
 * one serialized message. The group remembers the version (store change token) and state of each
 * sensor it last sent, so a tick reads only the states whose version moved, and an update carries
 * only the sensors that changed and the ids that left the view. A tick asks for the versions of the
 * ids it knows at the same time as it lists the view (views rarely change members between ticks),
 * so an unchanged view costs one round trip and a changed one two.
 */
import type { SensorState } from '../../domain/sensor-state.ts';
import { sensorVersionOf } from '../../store/sensor-versions.ts';
import type { SensorIdPage, SensorPage } from '../../store/store-reader.ts';
import type { SensorFilter } from '../contract/sensor-filter.ts';

export interface ViewGroup<C> {
  readonly key: string;
  readonly filter: SensorFilter;
  readonly clients: Set<C>;
  /** The ids sent last, whose versions the next tick asks for while it lists the view. */
  known(): string[];
  /**
   * The ids of `listing` whose version differs from the one sent; `versions[i]` is undefined for an
   * id the group did not know (it is read), null for one without a stored state.
   */
  stale(listing: SensorIdPage, versions: readonly (string | null | undefined)[]): string[];
  /**
   * Takes a new listing with its versions and the states read for the stale ids; returns the sensors
   * to send and the ids that left the view, and makes the result the group's latest page.
   */
  update(
    listing: SensorIdPage,
    versions: readonly (string | null | undefined)[],
    states: readonly SensorState[],
  ): { changed: SensorState[]; removed: string[] };
  /** Remembers `page` as sent (a new group starts from the snapshot its first client got). */
  seed(page: SensorPage): void;
  /** The page read last (by a tick or a snapshot), with when (performance.now()), for joining clients. */
  latest: { readonly page: SensorPage; readonly at: number } | null;
}

interface Sent {
  readonly version: string;
  readonly state: SensorState;
}

export function createViewGroup<C>(key: string, filter: SensorFilter): ViewGroup<C> {
  let sent = new Map<string, Sent>();
  const group: ViewGroup<C> = {
    key,
    filter,
    clients: new Set<C>(),
    latest: null,
    known: () => [...sent.keys()],
    stale(listing, versions) {
      return listing.ids.filter((id, i) => {
        const version = versions[i];
        return version === undefined || version === null || sent.get(id)?.version !== version;
      });
    },
    update(listing, versions, states) {
      const read = new Map(states.map((state) => [state.sensor_id, state]));
      const next = new Map<string, Sent>();
      const changed: SensorState[] = [];
      listing.ids.forEach((id, i) => {
        const fresh = read.get(id);
        if (fresh) {
          next.set(id, { version: sensorVersionOf(fresh), state: fresh });
          changed.push(fresh);
          return;
        }
        // unchanged (or gone between the listing and the read: then it leaves the view)
        const before = sent.get(id);
        if (before && before.version === versions[i]) next.set(id, before);
      });
      const removed = [...sent.keys()].filter((id) => !next.has(id));
      sent = next;
      const items = [...next.values()].map((entry) => entry.state);
      group.latest = { page: { items, next_cursor: listing.next_cursor }, at: performance.now() };
      return { changed, removed };
    },
    seed(page) {
      sent = new Map(
        page.items.map((state) => [state.sensor_id, { version: sensorVersionOf(state), state }]),
      );
    },
  };
  return group;
}
