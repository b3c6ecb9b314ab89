/**
 * The contract every `StoreReader` must pass: tests fill the store through the real writer, sweeper
 * and heartbeat store, then assert exact values read back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../src/domain/heartbeat.ts';
import type { SensorState } from '../../src/domain/sensor-state.ts';
import type { ChunkWriteResult } from '../../src/store/chunk-writer.ts';
import type { ScoredReading } from '../../src/store/sensor-hash.ts';
import { sensorVersionOf } from '../../src/store/sensor-versions.ts';
import { StoreQueryError } from '../../src/store/store-query-error.ts';
import type { StoreReader } from '../../src/store/store-reader.ts';
import { sampleReading, scored, T0 } from './sample-readings.ts';
import type { TestClock } from './test-store.ts';

export interface ReaderHarness {
  readonly reader: StoreReader;
  readonly clock: TestClock;
  write(items: readonly ScoredReading[]): Promise<ChunkWriteResult>;
  sweep(): Promise<void>;
  heartbeat(heartbeat: Heartbeat): Promise<void>;
  /** Makes a producer's heartbeat hash expire now. */
  expireProducer(producerId: string): Promise<void>;
  cleanup(): Promise<void>;
}

export function runStoreReaderContract(name: string, make: () => Promise<ReaderHarness>): void {
  describe(`${name} (StoreReader contract)`, () => {
    const harnesses: ReaderHarness[] = [];
    const setup = async () => {
      const h = await make();
      harnesses.push(h);
      return h;
    };
    afterEach(async () => {
      await Promise.all(harnesses.splice(0).map((h) => h.cleanup()));
    });

    const fleet = (n: number, status: (i: number) => 'normal' | 'warning' | 'critical' = () => 'normal') =>
      Array.from({ length: n }, (_, i) =>
        scored(
          {
            sensor_id: `s${String(i).padStart(2, '0')}`,
            location: i % 2 ? 'floor_b' : 'floor_a',
            device_type: i % 3 ? 'pump' : 'motor',
          },
          status(i),
        ),
      );
    const ids = (page: { items: { sensor_id: string }[] }) => page.items.map((s) => s.sensor_id);

    it('reads one sensor exactly as written, and null for unknown or malformed ids', async () => {
      const h = await setup();
      const item = scored({ seq: 3, extra: { flow_rate: 2.5 } }, 'warning');
      await h.write([item]);
      expect(await h.reader.getSensor('sensor_001')).toEqual({
        ...item.reading,
        ...item.assessment,
        processed_at: h.clock.now().toISOString(),
      });
      expect(await h.reader.getSensor('nobody')).toBeNull();
      expect(await h.reader.getSensor('bad}id')).toBeNull();
    });

    it('lists sensors in id order, page by page', async () => {
      const h = await setup();
      await h.write(fleet(7));
      const first = await h.reader.listSensors({ limit: 3 });
      expect(ids(first)).toEqual(['s00', 's01', 's02']);
      expect(first.items[0]).toMatchObject({
        sensor_id: 's00',
        location: 'floor_a',
        device_type: 'motor',
        status: 'normal',
      });
      const second = await h.reader.listSensors({ limit: 3, cursor: first.next_cursor as string });
      expect(ids(second)).toEqual(['s03', 's04', 's05']);
      const last = await h.reader.listSensors({ limit: 3, cursor: second.next_cursor as string });
      expect(ids(last)).toEqual(['s06']);
      expect(last.next_cursor).toBeNull();
    });

    it('filters by status, location, type and id prefix, alone and together', async () => {
      const h = await setup();
      await h.write([
        ...fleet(12, (i) => (i % 4 === 0 ? 'critical' : 'normal')),
        scored({ sensor_id: 'pump-1' }),
      ]);
      expect(ids(await h.reader.listSensors({ status: 'critical' }))).toEqual(['s00', 's04', 's08']);
      expect(ids(await h.reader.listSensors({ location: 'floor_b', type: 'motor' }))).toEqual(['s03', 's09']);
      // pump-1 is a motor too: ids order by code point, so it comes first
      expect(ids(await h.reader.listSensors({ status: 'normal', type: 'motor' }))).toEqual([
        'pump-1',
        's03',
        's06',
        's09',
      ]);
      expect(ids(await h.reader.listSensors({ text: 's1' }))).toEqual(['s10', 's11']);
      expect(ids(await h.reader.listSensors({ text: 'pump' }))).toEqual(['pump-1']);
      expect(ids(await h.reader.listSensors({ text: 's0', status: 'critical', limit: 1 }))).toEqual(['s00']);
      expect(ids(await h.reader.listSensors({ status: 'warning' }))).toEqual([]);
      expect(ids(await h.reader.listSensors({ location: 'nowhere' }))).toEqual([]);
    });

    it('lists the same ids without states, with change tokens that move only when a sensor is written', async () => {
      const h = await setup();
      await h.write(fleet(6, (i) => (i % 2 ? 'warning' : 'normal')));
      const query = { status: 'warning' as const, limit: 2 };
      const listing = await h.reader.listSensorIds(query);
      const page = await h.reader.listSensors(query);
      expect(listing).toEqual({ ids: ids(page), next_cursor: page.next_cursor });
      expect(listing.ids).toEqual(['s01', 's03']);
      const before = await h.reader.getSensorVersions(['s01', 's03', 'nobody']);
      expect(before[0]).toBe(sensorVersionOf(page.items[0] as SensorState));
      expect(before[2]).toBeNull();
      // same status, same millisecond: only the seq moved, and the token still does
      await h.write([
        scored({ sensor_id: 's03', seq: 2, location: 'floor_b', device_type: 'pump' }, 'warning'),
      ]);
      const after = await h.reader.getSensorVersions(['s01', 's03']);
      expect(after[0]).toBe(before[0]);
      expect(after[1]).not.toBe(before[1]);
      const states = await h.reader.getSensors(['s03', 'nobody', 's01']);
      expect(states.map((x) => [x.sensor_id, x.seq])).toEqual([
        ['s03', 2],
        ['s01', 1],
      ]);
      expect(after[1]).toBe(sensorVersionOf(states[0] as SensorState));
    });

    it('bounds the page size and refuses malformed cursors and prefixes', async () => {
      const h = await setup();
      await h.write(fleet(3));
      expect(ids(await h.reader.listSensors({ limit: 0 }))).toEqual(['s00']);
      expect((await h.reader.listSensors({ limit: 10_000 })).items).toHaveLength(3);
      await expect(h.reader.listSensors({ cursor: 'not a cursor' })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(h.reader.listSensors({ text: 'a*b' })).rejects.toBeInstanceOf(StoreQueryError);
    });

    it('reads the fleet stats and the locations', async () => {
      const h = await setup();
      await h.write([
        scored({ power_kw: 2.5 }, 'warning'),
        scored({ sensor_id: 's2', power_kw: 4, location: 'yard' }),
      ]);
      expect(await h.reader.getFleetStats()).toEqual({
        readings: 2,
        anomalies: 1,
        power_kw: 6.5,
        energy_kwh: 0,
        sensors: 2,
        normal: 1,
        warning: 1,
        critical: 0,
        offline: 0,
        updated_at: h.clock.now().toISOString(),
      });
      expect(await h.reader.listLocations()).toEqual(['floor_a', 'yard']);
      expect(await h.reader.getLocationHealth()).toEqual([
        { location: 'floor_a', sensors: 1, normal: 0, warning: 1, critical: 0, offline: 0 },
        { location: 'yard', sensors: 1, normal: 1, warning: 0, critical: 0, offline: 0 },
      ]);
    });

    it('reads the fleet history of a range, sampled to a bounded number of points with exact deltas', async () => {
      const h = await setup();
      const start = Math.floor(h.clock.ms() / 10_000) * 10_000;
      h.clock.set(start);
      for (let bucket = 0; bucket < 30; bucket++) {
        await h.write([scored({ seq: bucket + 1, power_kw: bucket, energy_kwh: 100 + bucket })]);
        h.clock.advance(10_000);
      }
      const all = await h.reader.getFleetHistory({ from: new Date(start), to: new Date(start + 290_000) });
      expect(all).toHaveLength(30);
      expect(all[2]).toEqual({
        ts: new Date(start + 20_000).toISOString(),
        power_kw: 2,
        energy_kwh: 2,
        readings: 3,
        anomalies: 0,
        sensors: 1,
        normal: 1,
        warning: 0,
        critical: 0,
        offline: 0,
        readings_delta: 1,
        anomalies_delta: 0,
        energy_kwh_delta: 1,
      });
      const sampled = await h.reader.getFleetHistory({
        from: new Date(start),
        to: new Date(start + 290_000),
        points: 3,
      });
      expect(sampled.map((p) => p.ts)).toEqual(
        [0, 100_000, 200_000].map((ms) => new Date(start + ms).toISOString()),
      );
      expect(sampled.map((p) => p.readings_delta)).toEqual([0, 10, 10]);
      await expect(h.reader.getFleetHistory({ from: new Date(2), to: new Date(1) })).rejects.toBeInstanceOf(
        StoreQueryError,
      );
    });

    it('reads a sensor’s downsampled history', async () => {
      const h = await setup();
      await h.write([scored({ seq: 1, power_kw: 4 }), scored({ seq: 2, power_kw: 6 })]);
      const points = await h.reader.getSensorHistory('sensor_001');
      expect(points).toHaveLength(1);
      expect(points[0]).toMatchObject({ readings: 2, power_kw: 5, worst_status: 'normal' });
      expect(await h.reader.getSensorHistory('nobody')).toEqual([]);
    });

    it('lists alerts newest first with recovery and acknowledgement, and acknowledges once', async () => {
      const h = await setup();
      await h.write([scored({ seq: 1 }, 'critical'), scored({ seq: 1, sensor_id: 's2' }, 'critical')]);
      await h.write([scored({ seq: 2 }, 'normal')]);
      const page = await h.reader.listAlerts({ limit: 1 });
      expect(page.items).toHaveLength(1);
      const newest = page.items[0];
      expect(newest).toMatchObject({
        sensor_id: 's2',
        severity: 'critical',
        seq: 1,
        ack: false,
        reasons: ['temperature critical'],
      });
      const rest = await h.reader.listAlerts({ cursor: page.next_cursor as string });
      expect(rest.items.map((a) => a.sensor_id)).toEqual(['sensor_001']);
      expect(rest.items[0]).toMatchObject({
        recovered_at: sampleReading({ seq: 2 }).ts,
        recovered_status: 'normal',
      });
      expect(rest.next_cursor).toBeNull();
      const at = new Date(T0 + 99_000);
      expect(await h.reader.acknowledgeAlert(newest?.id as string, 'ops@plant', at)).toBe('acknowledged');
      expect(await h.reader.acknowledgeAlert(newest?.id as string, 'someone else', at)).toBe(
        'already_acknowledged',
      );
      expect(await h.reader.acknowledgeAlert('1-0', 'ops', at)).toBe('not_found');
      expect(await h.reader.acknowledgeAlert('garbage', 'ops', at)).toBe('not_found');
      const [acked] = (await h.reader.listAlerts({ limit: 1 })).items;
      expect(acked).toMatchObject({ ack: true, acked_at: at.toISOString(), acked_by: 'ops@plant' });
    });

    it('lists producers, connected or not', async () => {
      const h = await setup();
      const beat = (producer_id: string): Heartbeat => ({
        producer_id,
        host: `${producer_id}.local`,
        ts: h.clock.now().toISOString(),
        sensors: 300,
        rate_hz: 150,
        sent_total: 4500,
      });
      await h.heartbeat(beat('sim-1'));
      h.clock.advance(1_000);
      await h.heartbeat(beat('sim-2'));
      await h.expireProducer('sim-1');
      expect(await h.reader.listProducers()).toEqual([
        {
          producer_id: 'sim-2',
          connected: true,
          last_seen: h.clock.now().toISOString(),
          host: 'sim-2.local',
          ts: h.clock.now().toISOString(),
          sensors: 300,
          rate_hz: 150,
          sent_total: 4500,
        },
        { producer_id: 'sim-1', connected: false, last_seen: new Date(h.clock.ms() - 1_000).toISOString() },
      ]);
    });

    it('reads detection quality counts', async () => {
      const h = await setup();
      await h.write([
        scored({ sensor_id: 'a', injected: 'spike' }, 'critical'),
        scored({ sensor_id: 'b', injected: 'spike' }),
        scored({ sensor_id: 'c' }, 'warning'),
        scored({ sensor_id: 'd' }),
        scored({ sensor_id: 'e' }),
      ]);
      expect(await h.reader.getQuality()).toEqual({
        by_kind: { spike: { tp: 1, fp: 0, fn: 1, tn: 0 }, none: { tp: 0, fp: 1, fn: 0, tn: 2 } },
        // a and b each start a spike episode; a is flagged on its first reading (no delay)
        episodes: { spike: { episodes: 2, detected: 1, mean_delay_ms: 0, mean_delay_readings: 0 } },
        total: { tp: 1, fp: 1, fn: 1, tn: 2 },
        precision: 0.5,
        recall: 0.5,
      });
    });
  });
}
