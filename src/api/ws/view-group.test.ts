import { describe, expect, it } from 'vitest';
import type { SensorState } from '../../domain/sensor-state.ts';
import { sensorVersionOf } from '../../store/sensor-versions.ts';
import { createViewGroup } from './view-group.ts';

const state = (id: string, seq: number) =>
  ({ sensor_id: id, seq, status: 'normal', processed_at: '2026-01-01T00:00:00.000Z' }) as SensorState;
const version = (id: string, seq: number) => sensorVersionOf(state(id, seq));

describe('view group', () => {
  it('asks only for sensors whose version moved, and sends them and the ids that left', () => {
    const group = createViewGroup('k', {});
    group.seed({ items: [state('a', 1), state('b', 1), state('c', 1)], next_cursor: null });
    expect(group.known()).toEqual(['a', 'b', 'c']);
    const listing = { ids: ['a', 'b', 'd'], next_cursor: 'x' };
    // d is new to the group: its version was not asked for
    const versions = [version('a', 1), version('b', 2), undefined];
    expect(group.stale(listing, versions)).toEqual(['b', 'd']);
    const { changed, removed } = group.update(listing, versions, [state('b', 2), state('d', 1)]);
    expect(changed.map((s) => `${s.sensor_id}${s.seq}`)).toEqual(['b2', 'd1']);
    expect(removed).toEqual(['c']);
    expect(group.latest?.page).toEqual({
      items: [state('a', 1), state('b', 2), state('d', 1)],
      next_cursor: 'x',
    });
    // nothing moved: nothing to read, nothing to send
    const now = [version('a', 1), version('b', 2), version('d', 1)];
    expect(group.stale(listing, now)).toEqual([]);
    expect(group.update(listing, now, [])).toEqual({ changed: [], removed: [] });
  });

  it('lets a sensor whose state vanished between the listing and the read leave the view', () => {
    const group = createViewGroup('k', {});
    group.seed({ items: [state('a', 1)], next_cursor: null });
    const listing = { ids: ['a'], next_cursor: null };
    expect(group.stale(listing, [null])).toEqual(['a']);
    expect(group.update(listing, [null], [])).toEqual({ changed: [], removed: ['a'] });
    expect(group.latest?.page.items).toEqual([]);
  });
});
