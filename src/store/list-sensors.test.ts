import { afterEach, describe, expect, it } from 'vitest';
import { scored } from '../../test/support/sample-readings.ts';
import { createTestStore, type TestStore } from '../../test/support/test-store.ts';
import { createFleetHistoryWriter } from './fleet-history-writer.ts';
import { listSensors } from './list-sensors.ts';
import { createOfflineSweeper } from './offline-sweeper.ts';

const stores: TestStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.cleanup()));
});

async function store(): Promise<TestStore> {
  const s = await createTestStore();
  stores.push(s);
  return s;
}

const ids30 = Array.from({ length: 30 }, (_, i) => `s${String(i).padStart(2, '0')}`);

/** Every id of a listing, following cursors; also the page sizes seen. */
async function listAll(
  s: TestStore,
  query: Parameters<typeof listSensors>[2],
  tuning?: Parameters<typeof listSensors>[3],
) {
  const seen: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let call = 0; call < 50; call++) {
    const page = await listSensors(s.redis, s.options, { ...query, ...(cursor ? { cursor } : {}) }, tuning);
    seen.push(...page.items.map((x) => x.sensor_id));
    sizes.push(page.items.length);
    if (page.next_cursor === null) break;
    cursor = page.next_cursor;
  }
  return { seen, sizes };
}

describe('listing sensors by one filter (its id-ordered mirror)', () => {
  it('pages through a sparse status in full pages, never walking the whole fleet', async () => {
    const s = await store();
    await s
      .writer()
      .write(ids30.map((sensor_id, i) => scored({ sensor_id }, i % 5 === 0 ? 'critical' : 'normal')));
    // a walk budget of one id would return short pages if the listing walked the id index
    const { seen, sizes } = await listAll(
      s,
      { status: 'critical', limit: 2 },
      { smallIntersection: 0, scanBatch: 1, scanBudget: 1 },
    );
    expect(seen).toEqual(['s00', 's05', 's10', 's15', 's20', 's25']);
    expect(sizes).toEqual([2, 2, 2]);
  });

  it('follows a sensor that changes status, location and type', async () => {
    const s = await store();
    const writer = s.writer();
    await writer.write([
      scored({ sensor_id: 'a', seq: 1, location: 'floor_a', device_type: 'pump' }, 'critical'),
    ]);
    await writer.write([
      scored({ sensor_id: 'a', seq: 2, location: 'floor_b', device_type: 'motor' }, 'normal'),
    ]);
    const ids = async (query: Parameters<typeof listSensors>[2]) =>
      (await listSensors(s.redis, s.options, query)).items.map((x) => x.sensor_id);
    expect(await ids({ status: 'critical' })).toEqual([]);
    expect(await ids({ status: 'normal' })).toEqual(['a']);
    expect(await ids({ location: 'floor_a' })).toEqual([]);
    expect(await ids({ location: 'floor_b' })).toEqual(['a']);
    expect(await ids({ type: 'pump' })).toEqual([]);
    expect(await ids({ type: 'motor' })).toEqual(['a']);
  });

  it('follows the sweeper: silent sensors listed as offline, expired ones nowhere', async () => {
    const s = await store();
    await s.writer().write([scored({ sensor_id: 'a', location: 'floor_a', device_type: 'pump' }, 'warning')]);
    const sweeper = createOfflineSweeper(s.redis, {
      store: s.options,
      fleetHistory: createFleetHistoryWriter(s.redis, s.options),
      owner: 'test',
      leaseMs: 60_000,
      now: s.clock.now,
    });
    const ids = async (query: Parameters<typeof listSensors>[2]) =>
      (await listSensors(s.redis, s.options, query)).items.map((x) => x.sensor_id);
    s.clock.advance(s.options.offlineAfterMs + 1000);
    await sweeper.sweep();
    expect(await ids({ status: 'offline' })).toEqual(['a']);
    expect(await ids({ status: 'warning' })).toEqual([]);
    await s.redis.del(s.options.keys.sensor('a')); // as its TTL would
    s.clock.advance(s.options.sensorTtlMs);
    await sweeper.sweep();
    const mirrors = [
      s.options.keys.statusIds('offline'),
      s.options.keys.locationIds('floor_a'),
      s.options.keys.typeIds('pump'),
    ];
    expect(await Promise.all(mirrors.map((key) => s.redis.zcard(key)))).toEqual([0, 0, 0]);
  });
});

describe('listing sensors by several filters (walking the smallest mirror)', () => {
  it('walks in bounded steps, returning short pages with a cursor until done', async () => {
    const s = await store();
    await s
      .writer()
      .write(
        ids30.map((sensor_id, i) =>
          scored({ sensor_id, location: i % 2 ? 'odd' : 'even' }, i % 5 === 0 ? 'critical' : 'normal'),
        ),
      );
    // critical ∩ even: s00 s10 s20; the critical mirror (6 ids) is walked 2 ids per step, 1 step per call
    const { seen, sizes } = await listAll(
      s,
      { status: 'critical', location: 'even', limit: 2 },
      { smallIntersection: 0, scanBatch: 2, scanBudget: 1 },
    );
    expect(seen).toEqual(['s00', 's10', 's20']);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2);
    expect(sizes).toContain(1); // some calls stopped at the budget with a short page
  });

  it('reads a sparse intersection whole, in full pages, and answers an empty one in one call', async () => {
    const s = await store();
    await s
      .writer()
      .write(
        ids30.map((sensor_id, i) =>
          scored(
            { sensor_id, location: i % 2 ? 'odd' : 'even', device_type: i % 2 ? 'pump' : 'motor' },
            i % 5 === 0 ? 'critical' : 'normal',
          ),
        ),
      );
    // a walk budget of one id would give short pages: full ones show the intersection was read whole
    const tuning = { smallIntersection: 10, scanBatch: 1, scanBudget: 1 };
    const { seen, sizes } = await listAll(s, { status: 'critical', location: 'even', limit: 2 }, tuning);
    expect(seen).toEqual(['s00', 's10', 's20']);
    expect(sizes).toEqual([2, 1]);
    const empty = await listAll(s, { type: 'pump', location: 'even' }, tuning);
    expect(empty).toEqual({ seen: [], sizes: [0] });
  });

  it('combines the walk with an id prefix and a third filter', async () => {
    const s = await store();
    await s
      .writer()
      .write(
        ids30.map((sensor_id, i) =>
          scored({ sensor_id, location: i % 2 ? 'odd' : 'even', device_type: i % 3 ? 'motor' : 'pump' }),
        ),
      );
    const page = await listSensors(s.redis, s.options, {
      status: 'normal',
      location: 'odd',
      type: 'pump',
      text: 's1',
      limit: 10,
    });
    expect(page.items.map((x) => x.sensor_id)).toEqual(['s15']);
    expect(page.next_cursor).toBeNull();
  });
});
