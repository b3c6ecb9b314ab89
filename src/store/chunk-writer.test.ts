import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpKeys } from '../../test/support/dump-keys.ts';
import { sampleReading, scored, T0 } from '../../test/support/sample-readings.ts';
import { createTestStore, type TestStore } from '../../test/support/test-store.ts';
import { createReadingApplier } from './apply-readings.ts';
import { decodeSensorHash } from './sensor-hash.ts';
import { readSensorHistory } from './sensor-history-reader.ts';

const stores: TestStore[] = [];
async function store(overrides = {}): Promise<TestStore> {
  const s = await createTestStore(overrides);
  stores.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.cleanup()));
});

describe('the chunk writer: state', () => {
  it('stores the latest enriched reading as the sensor hash, with the TTL', async () => {
    const s = await store();
    const reading = sampleReading({ seq: 7, extra: { flow_rate: 12.5 }, injected: 'spike', current: null });
    await s.writer().write([{ reading, assessment: scored({}, 'warning').assessment }]);
    const key = s.options.keys.sensor('sensor_001');
    const hash = await s.redis.hgetall(key);
    expect(Object.fromEntries(Object.entries(hash).filter(([f]) => !f.startsWith('_')))).toEqual({
      sensor_id: 'sensor_001',
      ts: '2026-11-22T06:00:07.000Z',
      seq: '7',
      device_type: 'motor',
      location: 'floor_a',
      current: '',
      voltage: '230',
      power_factor: '0.9',
      power_kw: '4',
      energy_kwh: '1000.007',
      temperature: '40',
      pressure: '5',
      vibration: '2',
      producer_host: 'producer-1',
      injected: 'spike',
      extra: '{"flow_rate":12.5}',
      anomaly_score: '0.8',
      is_anomaly: '1',
      failure_probability: '0.05',
      status: 'warning',
      reasons: '["temperature warning"]',
      model_version: 'test@1',
      processed_at: s.clock.now().toISOString(),
    });
    expect(decodeSensorHash(hash)).toEqual({
      ...reading,
      ...scored({}, 'warning').assessment,
      processed_at: s.clock.now().toISOString(),
    });
    // a new sensor's TTL is set at once: the state TTL plus one index refresh interval
    const ttl = await s.redis.pttl(key);
    expect(ttl).toBeGreaterThan(620_000);
    expect(ttl).toBeLessThanOrEqual(630_000);
  });

  it('refreshes the TTL with the index refresh: the state outlives its last reading by the TTL, at most one interval more', async () => {
    const s = await store({ indexRefreshMs: 10_000 });
    const writer = s.writer();
    const key = s.options.keys.sensor('sensor_001');
    await writer.write([scored({ seq: 1 })]);
    await s.redis.pexpire(key, 1_000_000); // marks whether a later write sets the TTL again
    s.clock.advance(4_000);
    await writer.write([scored({ seq: 2 })]);
    expect(await s.redis.pttl(key)).toBeGreaterThan(900_000);
    s.clock.advance(6_000);
    await writer.write([scored({ seq: 3 })]);
    expect(await s.redis.pttl(key)).toBeLessThanOrEqual(s.options.sensorTtlMs + 10_000);
    expect(await s.redis.pttl(key)).toBeGreaterThan(s.options.sensorTtlMs);
  });

  it('never moves a sensor backwards: older or repeated seqs are stale', async () => {
    const s = await store();
    const writer = s.writer();
    const first = await writer.write([scored({ seq: 5, temperature: 50 })]);
    const later = await writer.write([
      scored({ seq: 3, temperature: 30 }),
      scored({ seq: 5, temperature: 55 }),
    ]);
    expect(first.appliedMask).toEqual([true]);
    expect(later.appliedMask).toEqual([false, false]);
    expect(later).toMatchObject({ applied: 0, stale: 2 });
    const hash = await s.redis.hgetall(s.options.keys.sensor('sensor_001'));
    expect([hash.seq, hash.temperature]).toEqual(['5', '50']);
    expect(later.fleet.readings).toBe(1);
  });

  it('keeps each sensor on exactly one status set, scored by processed time, and moves it on change', async () => {
    const s = await store();
    const writer = s.writer();
    const { keys } = s.options;
    await writer.write([scored({ seq: 1 }), scored({ seq: 1, sensor_id: 'sensor_002' }, 'warning')]);
    const t1 = s.clock.ms();
    s.clock.advance(1000);
    await writer.write([scored({ seq: 2 }, 'critical')]);
    const t2 = s.clock.ms();
    expect(await s.redis.zrange(keys.status('normal'), '0', '-1')).toEqual([]);
    expect(await s.redis.zrange(keys.status('warning'), '0', '-1', 'WITHSCORES')).toEqual([
      'sensor_002',
      String(t1),
    ]);
    expect(await s.redis.zrange(keys.status('critical'), '0', '-1', 'WITHSCORES')).toEqual([
      'sensor_001',
      String(t2),
    ]);
  });

  it('indexes location, type and id, and moves a sensor that changed location or type', async () => {
    const s = await store();
    const writer = s.writer();
    const { keys } = s.options;
    await writer.write([scored({ seq: 1 }), scored({ seq: 1, sensor_id: 'pump-7', device_type: 'pump' })]);
    const t1 = String(s.clock.ms());
    expect(await s.redis.zrange(keys.sensors, '0', '-1', 'WITHSCORES')).toEqual([
      'pump-7',
      '0',
      'sensor_001',
      '0',
    ]);
    expect(await s.redis.zrange(keys.typeIds('motor'), '0', '-1', 'WITHSCORES')).toEqual(['sensor_001', '0']);
    expect(await s.redis.zrange(keys.typeIds('pump'), '0', '-1', 'WITHSCORES')).toEqual(['pump-7', '0']);
    expect(await s.redis.zrange(keys.locationIds('floor_a'), '0', '-1')).toEqual(['pump-7', 'sensor_001']);
    expect(await s.redis.zrange(keys.locations, '0', '-1', 'WITHSCORES')).toEqual(['floor_a', t1]);
    s.clock.advance(1000);
    await writer.write([scored({ seq: 2, location: 'warehouse', device_type: 'generator' })]);
    const t2 = String(s.clock.ms());
    expect(await s.redis.zrange(keys.locationIds('floor_a'), '0', '-1')).toEqual(['pump-7']);
    expect(await s.redis.zrange(keys.locationIds('warehouse'), '0', '-1')).toEqual(['sensor_001']);
    expect(await s.redis.zrange(keys.typeIds('motor'), '0', '-1')).toEqual([]);
    expect(await s.redis.zrange(keys.typeIds('generator'), '0', '-1')).toEqual(['sensor_001']);
    expect(await s.redis.zrange(keys.locations, '0', '-1', 'WITHSCORES')).toEqual([
      'floor_a',
      t1,
      'warehouse',
      t2,
    ]);
  });

  it('re-asserts location and type memberships once per refresh interval, not with every reading', async () => {
    const s = await store({ indexRefreshMs: 10_000 });
    const writer = s.writer();
    const { keys } = s.options;
    await writer.write([scored({ seq: 1 })]);
    // a membership lost somehow (say, a store written before these sets existed)
    await s.redis.zrem(keys.typeIds('motor'), 'sensor_001');
    s.clock.advance(4_000);
    await writer.write([scored({ seq: 2 })]);
    expect(await s.redis.zscore(keys.typeIds('motor'), 'sensor_001')).toBeNull();
    expect(await s.redis.zscore(keys.status('normal'), 'sensor_001')).toBe(String(s.clock.ms()));
    s.clock.advance(6_000);
    await writer.write([scored({ seq: 3 })]);
    expect(await s.redis.zscore(keys.typeIds('motor'), 'sensor_001')).toBe('0');
  });
});

describe('the chunk writer: fleet stats', () => {
  it('counts readings and anomalies, sums power as each sensor’s latest contribution and energy as meter increases', async () => {
    const s = await store();
    const writer = s.writer();
    await writer.write([
      scored({ seq: 1, power_kw: 4, energy_kwh: 100 }),
      scored({ seq: 1, sensor_id: 's2', power_kw: 6, energy_kwh: 50 }, 'warning'),
    ]);
    await writer.write([scored({ seq: 2, power_kw: 5, energy_kwh: 100.5 })]);
    const result = await writer.write([
      scored({ seq: 3, power_kw: 7, energy_kwh: 101.25 }, 'critical'),
      scored({ seq: 2, sensor_id: 's2', power_kw: null, energy_kwh: null }),
    ]);
    expect(result.fleet).toEqual({
      readings: 5,
      anomalies: 2,
      power_kw: 7,
      energy_kwh: 1.25,
      sensors: 2,
      normal: 1,
      warning: 0,
      critical: 1,
      offline: 0,
      updated_at: s.clock.now().toISOString(),
    });
  });

  it('adds quality increments for applied readings only', async () => {
    const s = await store();
    const quality = (applied: readonly { reading: { injected: string | null } }[]) => ({
      'spike:tp': applied.filter((i) => i.reading.injected === 'spike').length,
      'none:tn': applied.filter((i) => i.reading.injected === null).length,
    });
    const writer = s.writer({ quality });
    const chunk = [scored({ seq: 1, injected: 'spike' }), scored({ seq: 1, sensor_id: 's2' })];
    await writer.write(chunk);
    await writer.write(chunk);
    expect(await s.redis.hgetall(s.options.keys.quality)).toEqual({ 'spike:tp': '1', 'none:tn': '1' });
  });
});

describe('the chunk writer: history', () => {
  it('keeps per-bucket means, worst status and top score per sensor', async () => {
    const s = await store({ historyBucketMs: 60_000, historyPoints: 4 });
    const writer = s.writer();
    const at = (minute: number, second: number) =>
      new Date(T0 + minute * 60_000 + second * 1000).toISOString();
    await writer.write([
      scored({ seq: 1, ts: at(0, 1), power_kw: 4, temperature: 40 }),
      scored({ seq: 2, ts: at(0, 2), power_kw: 5, temperature: 41 }, 'warning', { anomaly_score: 0.5 }),
      scored({ seq: 3, ts: at(1, 0), power_kw: 6, temperature: 42, pressure: null }),
      scored({ seq: 4, ts: at(3, 0), power_kw: 8, temperature: 44 }, 'critical', { anomaly_score: 1 }),
    ]);
    const points = await readSensorHistory(s.redis, s.options, 'sensor_001');
    expect(points).toEqual([
      {
        ts: at(0, 0),
        readings: 2,
        worst_status: 'warning',
        max_anomaly_score: 0.502,
        power_kw: 4.5,
        current: 20,
        temperature: 40.5,
        pressure: 5,
        vibration: 2,
      },
      {
        ts: at(1, 0),
        readings: 1,
        worst_status: 'normal',
        max_anomaly_score: 0.102,
        power_kw: 6,
        current: 20,
        temperature: 42,
        pressure: null,
        vibration: 2,
      },
      {
        ts: at(3, 0),
        readings: 1,
        worst_status: 'critical',
        max_anomaly_score: 1,
        power_kw: 8,
        current: 20,
        temperature: 44,
        pressure: 5,
        vibration: 2,
      },
    ]);
  });
});

describe('the chunk writer: alerts and notices', () => {
  it('writes one alert per transition into critical and records the recovery', async () => {
    const s = await store();
    const writer = s.writer();
    const first = await writer.write([
      scored({ seq: 1 }),
      scored({ seq: 2 }, 'critical'),
      scored({ seq: 3 }, 'critical'),
    ]);
    expect(first.alerts).toHaveLength(1);
    const alertId = first.alerts[0]?.id as string;
    await writer.write([scored({ seq: 4 }, 'warning')]);
    const entries = await s.redis.xrange(s.options.keys.alerts, '-', '+');
    expect(entries).toEqual([
      [
        alertId,
        [
          'sensor_id',
          'sensor_001',
          'severity',
          'critical',
          'reasons',
          '["temperature critical"]',
          'ts',
          '2026-11-22T06:00:02.000Z',
          'seq',
          '2',
        ],
      ],
    ]);
    const state = await s.redis.hgetall(s.options.keys.alertState);
    expect(state[`r:${alertId}`]).toBe('2026-11-22T06:00:04.000Z|warning');
    const again = await writer.write([scored({ seq: 5 }, 'critical')]);
    expect(again.alerts).toHaveLength(1);
    expect(await s.redis.xlen(s.options.keys.alerts)).toBe(2);
  });

  it('publishes one notice per chunk with the alerts it wrote', async () => {
    const s = await store();
    const subscriber = new Redis(s.url);
    const notices: unknown[] = [];
    await subscriber.subscribe(s.options.keys.events);
    subscriber.on('message', (_channel, text: string) => notices.push(JSON.parse(text)));
    const result = await s
      .writer({ source: 'p1' })
      .write([scored({ seq: 1 }), scored({ seq: 1, sensor_id: 's2' }, 'critical')]);
    await subscriber.ping(); // the notice was published before the writer returned; let it arrive
    await new Promise((r) => setTimeout(r, 50));
    subscriber.disconnect();
    expect(notices).toEqual([
      {
        type: 'chunk',
        ts: s.clock.now().toISOString(),
        source: 'p1',
        readings: 2,
        anomalies: 1,
        stale: 0,
        alerts: [
          {
            id: result.alerts[0]?.id,
            sensor_id: 's2',
            ts: '2026-11-22T06:00:01.000Z',
            reasons: ['temperature critical'],
          },
        ],
        recovered: [],
      },
    ]);
  });
});

describe('the chunk writer: idempotence', () => {
  const chunkA = () => [
    scored({ seq: 1, power_kw: 3 }),
    scored({ seq: 1, sensor_id: 's2', location: 'warehouse' }, 'warning'),
    scored({ seq: 2 }, 'critical'),
  ];
  const chunkB = () => [
    scored({ seq: 3, power_kw: 9 }),
    scored({ seq: 2, sensor_id: 's2', energy_kwh: 2000 }, 'critical'),
  ];

  it('replaying chunks leaves Redis exactly as it was', async () => {
    const s = await store();
    const writer = s.writer();
    await writer.write(chunkA());
    await writer.write(chunkB());
    const before = await dumpKeys(s.redis, s.prefix);
    await writer.write(chunkA());
    await writer.write(chunkB());
    await writer.write([...chunkA(), ...chunkB()]);
    expect(await dumpKeys(s.redis, s.prefix)).toEqual(before);
  });

  it('a crash between the two phases is repaired by the replay', async () => {
    const reference = await store();
    await reference.writer().write(chunkA());
    await reference.writer().write(chunkB());

    const crashed = await store();
    await crashed.writer().write(chunkA());
    // phase 1 of chunk B reached Redis, then the process died before phase 2
    await createReadingApplier(crashed.redis, crashed.options).apply(chunkB(), crashed.clock.now());
    const restarted = crashed.writer();
    await restarted.write(chunkB());
    expect(await dumpKeys(crashed.redis, crashed.prefix)).toEqual(
      await dumpKeys(reference.redis, reference.prefix),
    );
  });

  it('two processors racing over the same readings end where one would', async () => {
    const reference = await store();
    const chunks = [chunkA(), chunkB(), [scored({ seq: 4 }), scored({ seq: 3, sensor_id: 's2' })]];
    for (const chunk of chunks) await reference.writer().write(chunk);

    const shared = await store();
    const second = new Redis(shared.url);
    const [one, two] = [shared.writer(), shared.writer({}, second)];
    // one processor lags a chunk behind the other over the same partition, as during a rebalance
    await Promise.all([
      (async () => {
        for (const chunk of chunks) await one.write(chunk);
      })(),
      (async () => {
        await two.write(chunks[1] as never);
        for (const chunk of chunks) await two.write(chunk);
      })(),
    ]);
    second.disconnect();
    expect(await dumpKeys(shared.redis, shared.prefix)).toEqual(
      await dumpKeys(reference.redis, reference.prefix),
    );
  });

  it('one call per cluster slot stores exactly what one call per chunk does', async () => {
    const chunk = chunkA();
    const perChunk = await store();
    await perChunk.writer().write(chunk);
    const perSlot = await store();
    await perSlot.writer({ applyGroups: 'slot' }).write(chunk);
    expect(await dumpKeys(perSlot.redis, perSlot.prefix)).toEqual(
      await dumpKeys(perChunk.redis, perChunk.prefix),
    );
  });
});

describe('the chunk writer: fleet history', () => {
  it('writes one entry per fleet bucket, whichever processor comes first', async () => {
    const s = await store();
    const second = new Redis(s.url);
    const [one, two] = [s.writer(), s.writer({}, second)];
    const bucket = Math.floor(s.clock.ms() / 10_000) * 10_000;
    await one.write([scored({ seq: 1 })]);
    await two.write([scored({ seq: 1, sensor_id: 's2' })]);
    s.clock.advance(10_000);
    await two.write([scored({ seq: 2, sensor_id: 's2', power_kw: 6 })]);
    await one.write([scored({ seq: 2 })]);
    second.disconnect();
    const entries = await s.redis.xrange(s.options.keys.fleetHistory, '-', '+');
    expect(entries.map(([id]) => id)).toEqual([`${bucket}-0`, `${bucket + 10_000}-0`]);
    expect(entries[0]?.[1]).toEqual([
      'power_kw',
      '4',
      'energy_kwh',
      '0',
      'readings',
      '1',
      'anomalies',
      '0',
      'sensors',
      '1',
      'normal',
      '1',
      'warning',
      '0',
      'critical',
      '0',
      'offline',
      '0',
    ]);
    expect(entries[1]?.[1].slice(0, 6)).toEqual(['power_kw', '10', 'energy_kwh', '0.001', 'readings', '3']);
  });
});

describe('the chunk writer: optional fields', () => {
  it('leaves empty optional fields out of the hash and removes them when they become empty', async () => {
    const s = await store();
    const writer = s.writer();
    const key = s.options.keys.sensor('sensor_001');
    await writer.write([scored({ seq: 1, extra: { flow_rate: 3 }, injected: 'drift' })]);
    expect(await s.redis.hmget(key, 'extra', 'injected')).toEqual(['{"flow_rate":3}', 'drift']);
    await writer.write([scored({ seq: 2 })]);
    expect(await s.redis.hmget(key, 'extra', 'injected')).toEqual([null, null]);
    const state = decodeSensorHash(await s.redis.hgetall(key));
    expect(state?.injected).toBeNull();
    expect(state && 'extra' in state).toBe(false);
  });
});

describe('the chunk writer: text the payload could trip over', () => {
  it('stores separators, quotes, NUL and non-ASCII text in free-text fields faithfully', async () => {
    const s = await store();
    const reasons = ['temperature 4.1σ above its baseline', 'a "quoted" | piped\nline\u0000with NUL'];
    const host = 'host|one "q"\u0000 é';
    await s.writer().write([scored({ seq: 1, producer_host: host }, 'warning', { reasons })]);
    const state = decodeSensorHash(await s.redis.hgetall(s.options.keys.sensor('sensor_001')));
    expect(state?.reasons).toEqual(reasons);
    // the payload ends each value with NUL: a NUL in the host is the one character that cannot pass
    expect(state?.producer_host).toBe('host|one "q"\uFFFD é');
    expect(state?.seq).toBe(1);
  });
});
