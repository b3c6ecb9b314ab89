/**
 * The hub's view groups: clients grouped by filter key, and the page a joining client starts from.
 * A client joining an existing group starts from the group's latest page, the very base the group's
 * next update is a diff against, so applying updates always converges on the group's view (a fresher
 * page read for the client alone could be newer than a round already being prepared, whose diff would
 * then set a sensor back to an older state until it changed again). A new group starts from one
 * read shared by every client asking for the same filter meanwhile (a reconnect storm of 500 clients
 * on one view costs one read, not 500).
 */
import type { SensorPage, StoreReader } from '../../store/store-reader.ts';
import type { SensorFilter } from '../contract/sensor-filter.ts';
import { filterKey } from '../sensor-filter-params.ts';
import { createViewGroup, type ViewGroup } from './view-group.ts';

export interface Member<C> {
  group: ViewGroup<C> | null;
}

export interface ViewGroups<C extends Member<C>> {
  /** Reads (or reuses) the page of `filter` and moves `client` into its group. */
  join(client: C, filter: SensorFilter): Promise<SensorPage>;
  leave(client: C): void;
  all(): ViewGroup<C>[];
}

export function createViewGroups<C extends Member<C>>(reader: StoreReader): ViewGroups<C> {
  const groups = new Map<string, ViewGroup<C>>();
  const reading = new Map<string, Promise<SensorPage>>();
  const read = (key: string, filter: SensorFilter): Promise<SensorPage> => {
    const latest = groups.get(key)?.latest;
    if (latest) return Promise.resolve(latest.page);
    let pending = reading.get(key);
    if (!pending) {
      pending = reader.listSensors(filter).finally(() => reading.delete(key));
      reading.set(key, pending);
    }
    return pending;
  };
  const leave = (client: C) => {
    const group = client.group;
    group?.clients.delete(client);
    if (group && group.clients.size === 0) groups.delete(group.key);
    client.group = null;
  };
  return {
    async join(client, filter) {
      const key = filterKey(filter);
      const page = await read(key, filter);
      leave(client);
      let group = groups.get(key);
      if (!group) {
        group = createViewGroup<C>(key, filter);
        group.seed(page);
        group.latest = { page, at: performance.now() };
        groups.set(key, group);
      }
      group.clients.add(client);
      client.group = group;
      return page;
    },
    leave,
    all: () => [...groups.values()],
  };
}
