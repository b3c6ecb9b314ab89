import { afterEach, describe, expect, it } from 'vitest';
import { scored } from '../../test/support/sample-readings.ts';
import { createTestStore, type TestStore } from '../../test/support/test-store.ts';
import { createFleetHistoryWriter } from './fleet-history-writer.ts';
import { parseFleetStats } from './fleet-stats.ts';
import { createOfflineSweeper, healReturned } from './offline-sweeper.ts';

const stores: TestStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.cleanup()));
});

async function setup() {
  const s = await createTestStore();
  stores.push(s);
  const sweeper = (owner = 'p1') =>
    createOfflineSweeper(s.redis, {
      store: s.options,
      fleetHistory: createFleetHistoryWriter(s.redis, s.options),
      owner,
      leaseMs: 60_000,
      now: s.clock.now,
    });
  return { s, writer: s.writer(), sweeper };
}

const members = (s: TestStore, key: string) => s.redis.zrange(key, '0', '-1', 'WITHSCORES');

describe('the offline sweeper', () => {
  it('marks sensors silent for longer than the offline threshold, and only those', async () => {
    const { s, writer, sweeper } = await setup();
    const { keys } = s.options;
    await writer.write([
      scored({ seq: 1, power_kw: 4 }, 'critical'),
      scored({ seq: 1, sensor_id: 's2', power_kw: 6 }),
    ]);
    const t0 = s.clock.ms();
    s.clock.advance(2_000);
    await writer.write([scored({ seq: 2, sensor_id: 's2', power_kw: 6 })]);
    const t1 = s.clock.ms();
    s.clock.advance(1_500); // sensor_001 silent 3.5 s, s2 1.5 s
    const ttlBefore = await s.redis.pttl(keys.sensor('sensor_001'));
    expect(await sweeper().sweep()).toEqual({ ran: true, markedOffline: 1, expired: 0, backlogMs: 0 });
    expect(await s.redis.hget(keys.sensor('sensor_001'), 'status')).toBe('offline');
    expect(await members(s, keys.status('offline'))).toEqual(['sensor_001', String(t0)]);
    expect(await members(s, keys.status('critical'))).toEqual([]);
    expect(await members(s, keys.status('normal'))).toEqual(['s2', String(t1)]);
    expect(await s.redis.pttl(keys.sensor('sensor_001'))).toBeLessThanOrEqual(ttlBefore);
    const stats = parseFleetStats(await s.redis.hgetall(keys.stats));
    expect(stats).toMatchObject({ sensors: 2, normal: 1, critical: 0, offline: 1, power_kw: 6, readings: 3 });
    const [[alertId]] = (await s.redis.xrange(keys.alerts, '-', '+')) as [[string, string[]]];
    expect(await s.redis.hget(keys.alertState, `r:${alertId}`)).toBe(
      `${s.clock.now().toISOString()}|offline`,
    );
    // sweeping again changes nothing
    expect(await sweeper().sweep()).toEqual({ ran: true, markedOffline: 0, expired: 0, backlogMs: 0 });
  });

  it('brings an offline sensor back with its next reading', async () => {
    const { s, writer, sweeper } = await setup();
    const { keys } = s.options;
    await writer.write([scored({ seq: 1, power_kw: 4 })]);
    s.clock.advance(5_000);
    await sweeper().sweep();
    await writer.write([scored({ seq: 2, power_kw: 5 })]);
    expect(await members(s, keys.status('offline'))).toEqual([]);
    expect(await members(s, keys.status('normal'))).toEqual(['sensor_001', String(s.clock.ms())]);
    expect(parseFleetStats(await s.redis.hgetall(keys.stats))).toMatchObject({
      normal: 1,
      offline: 0,
      power_kw: 5,
      readings: 2,
    });
  });

  it('heals an offline membership left by a sweep that raced the sensor coming back', async () => {
    const { s, writer, sweeper } = await setup();
    const { keys } = s.options;
    await writer.write([scored({ seq: 1, power_kw: 4 })]);
    const t0 = s.clock.ms();
    s.clock.advance(5_000);
    await sweeper().sweep();
    await writer.write([scored({ seq: 2, power_kw: 5 })]);
    // the race: a sweep marked the hash offline, the sensor's next chunk moved it back, and only then
    // did the sweep's index pipeline land, re-adding the sensor to the offline set
    await s.redis.zadd(keys.status('offline'), t0, 'sensor_001');
    await s.redis.zadd(keys.statusIds('offline'), 0, 'sensor_001');
    // the sweep checks the sensors it marked once its pipeline is done
    await healReturned(s.redis, s.options, ['sensor_001']);
    expect(await members(s, keys.status('offline'))).toEqual([]);
    expect(await members(s, keys.statusIds('offline'))).toEqual([]);
    expect(await members(s, keys.status('normal'))).toEqual(['sensor_001', String(s.clock.ms())]);
  });

  it('leaves a sensor alone when its index score lags behind its state', async () => {
    const { s, writer, sweeper } = await setup();
    const { keys } = s.options;
    await writer.write([scored({ seq: 1 })]);
    const t0 = s.clock.ms();
    await s.redis.zadd(keys.status('normal'), t0 - 60_000, 'sensor_001'); // as if a score update was lost
    s.clock.advance(1_000);
    expect(await sweeper().sweep()).toMatchObject({ markedOffline: 0 });
    expect(await s.redis.hget(keys.sensor('sensor_001'), 'status')).toBe('normal');
    expect(await members(s, keys.status('normal'))).toEqual(['sensor_001', String(t0)]);
  });

  it('removes sensors whose state expired from every index, the stats and the alert state', async () => {
    const { s, writer, sweeper } = await setup();
    const { keys } = s.options;
    await writer.write([
      scored({ seq: 1, power_kw: 4, location: 'warehouse' }, 'critical'),
      scored({ seq: 1, sensor_id: 's2', power_kw: 6 }),
    ]);
    s.clock.advance(s.options.sensorTtlMs - 1_000);
    await writer.write([scored({ seq: 2, sensor_id: 's2', power_kw: 6 })]);
    s.clock.advance(2_000);
    // the TTL removed sensor_001's keys (done by hand: the test cannot wait ten minutes)
    await s.redis.del(keys.sensor('sensor_001'), keys.sensorHistory('sensor_001'));
    expect(await sweeper().sweep()).toEqual({ ran: true, markedOffline: 0, expired: 1, backlogMs: 0 });
    for (const status of ['normal', 'warning', 'critical', 'offline'] as const) {
      expect(await s.redis.zscore(keys.status(status), 'sensor_001')).toBeNull();
    }
    expect(await s.redis.zrange(keys.sensors, '0', '-1')).toEqual(['s2']);
    expect(await s.redis.zrange(keys.locationIds('warehouse'), '0', '-1')).toEqual([]);
    expect(await s.redis.zrange(keys.typeIds('motor'), '0', '-1')).toEqual(['s2']);
    expect(await s.redis.zrange(keys.locations, '0', '-1')).toEqual(['floor_a']);
    expect(await s.redis.hexists(keys.statsLedger, 'sensor_001')).toBe(0);
    expect(await s.redis.hexists(keys.alertState, 's:sensor_001')).toBe(0);
    expect(parseFleetStats(await s.redis.hgetall(keys.stats))).toMatchObject({
      sensors: 1,
      normal: 1,
      critical: 0,
      offline: 0,
      power_kw: 6,
      readings: 3,
    });
  });

  it("allows for the group's consumer backlog before calling a sensor silent", async () => {
    const { s, writer, sweeper } = await setup();
    const { keys } = s.options;
    await writer.write([scored({ seq: 1, power_kw: 4 })]);
    s.clock.advance(5_000); // silent 5 s of processing time, threshold 3 s
    // p2 is 4 s behind on its partitions: the sensor may well have sent readings p2 has not reached
    expect(await sweeper('p2').sweep(4_000)).toMatchObject({ ran: true, markedOffline: 0, backlogMs: 4_000 });
    expect(await s.redis.hget(keys.sensor('sensor_001'), 'status')).toBe('normal');
    // the lease holder allows for it too, while p2's report is fresh (within the lease time)
    await s.redis.del(keys.sweepLease);
    expect(await sweeper('p1').sweep(0)).toMatchObject({ ran: true, markedOffline: 0, backlogMs: 4_000 });
    // p2 caught up: now 5 s of silence is 5 s of silence
    expect(await sweeper('p2').sweep(0)).toMatchObject({ ran: false, backlogMs: 0 });
    expect(await sweeper('p1').sweep(0)).toMatchObject({ ran: true, markedOffline: 1, backlogMs: 0 });
    expect(await s.redis.hget(keys.sensor('sensor_001'), 'status')).toBe('offline');
  });

  it('ignores the backlog of a processor that stopped reporting, and forgets it later', async () => {
    const { s, writer, sweeper } = await setup();
    const { keys } = s.options;
    await writer.write([scored({ seq: 1, power_kw: 4 })]);
    await sweeper('p2').sweep(30_000); // p2 reports a large backlog, then dies
    await s.redis.del(keys.sweepLease); // p2's lease ran out
    s.clock.advance(61_000); // past the 60 s lease time: p2's report is stale
    expect(await sweeper('p1').sweep(0)).toMatchObject({ ran: true, markedOffline: 1, backlogMs: 0 });
    expect(await s.redis.hkeys(keys.backlog)).toEqual(['p2', 'p1']);
    s.clock.advance(600_000); // ten lease times: the stale report is deleted
    await sweeper('p1').sweep(0);
    expect(await s.redis.hkeys(keys.backlog)).toEqual(['p1']);
  });

  it('lets one processor sweep at a time', async () => {
    const { s, sweeper } = await setup();
    expect((await sweeper('p1').sweep()).ran).toBe(true);
    expect((await sweeper('p2').sweep()).ran).toBe(false);
    expect((await sweeper('p1').sweep()).ran).toBe(true);
    await s.redis.del(s.options.keys.sweepLease); // the lease ran out
    expect((await sweeper('p2').sweep()).ran).toBe(true);
  });

  it('keeps the fleet history going while no readings arrive', async () => {
    const { s, writer, sweeper } = await setup();
    await writer.write([scored({ seq: 1, power_kw: 4 })]);
    s.clock.advance(10_000);
    await sweeper().sweep();
    s.clock.advance(10_000);
    await sweeper().sweep();
    const entries = await s.redis.xrange(s.options.keys.fleetHistory, '-', '+');
    expect(entries).toHaveLength(3);
    expect(entries.map(([, fields]) => fields[1])).toEqual(['4', '0', '0']);
  });
});

describe('alert state housekeeping', () => {
  it('deletes recoveries and acknowledgements of alerts trimmed from the stream', async () => {
    const { s, writer, sweeper } = await setup();
    const { keys } = s.options;
    for (let seq = 1; seq <= 6; seq += 2) {
      await writer.write([scored({ seq }, 'critical'), scored({ seq: seq + 1 }, 'normal')]);
    }
    const ids = (await s.redis.xrange(keys.alerts, '-', '+')).map(([id]) => id);
    expect(ids).toHaveLength(3);
    await s.redis.hset(keys.alertState, `k:${ids[0]}`, 'x|ops');
    await s.redis.xtrim(keys.alerts, 'MINID', ids[1] as string); // the cap dropped the oldest alert
    await sweeper().sweep();
    const fields = Object.keys(await s.redis.hgetall(keys.alertState)).sort();
    expect(fields).toEqual([`r:${ids[1]}`, `r:${ids[2]}`, 's:sensor_001']);
  });
});
