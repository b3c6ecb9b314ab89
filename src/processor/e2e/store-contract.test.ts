/**
 * Acceptance: a simulated fleet, published to the dev broker, consumed by a real processor (kafkajs
 * consumer group, placeholder rule detector so the expected assessments can be recomputed here),
 * ends up in Redis as exactly the hashes, sets, streams and TTLs of DESIGN §3.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BROKER_OPTIONS, testKafka } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import {
  latestBySensor,
  processConfig,
  simulateInto,
  waitForReadings,
} from '../../../test/support/processor-e2e.ts';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis.ts';
import { encodeHeartbeat } from '../../domain/heartbeat.ts';
import type { Reading } from '../../domain/reading.ts';
import type { Assessment } from '../../domain/sensor-state.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { configureLogging } from '../../log/logger.ts';
import { parseFleetStats } from '../../store/fleet-stats.ts';
import { createRedisStoreReader } from '../../store/redis-store-reader.ts';
import { storeOptionsFrom } from '../../store/store-options.ts';
import { createRuleDetector } from '../rule-detector.ts';
import { type RunningProcessor, startProcessor } from '../start-processor.ts';

let broker: RunningBroker;
let t: TestRedis;
let processor: RunningProcessor;
let readings: Reading[];
let events: string[];
let subscriber: Redis;
// the sweep would mark sensors offline while the assertions run (3 s of silence on a loaded machine);
// these tests check what readings leave behind, offline-sweeper.test.ts checks the sweep
const config = () =>
  processConfig(broker, t.url, t.prefix, { PROCESS_DETECTOR: 'rules', OFFLINE_AFTER_INTERVALS: '3600' });

beforeAll(async () => {
  configureLogging({ write: () => {} });
  broker = await startBroker(TEST_BROKER_OPTIONS);
  t = await createTestRedis();
  readings = await simulateInto(broker, { sensors: 30, seconds: 150, anomalyRate: 40 });
  subscriber = new Redis(t.url);
  events = [];
  await subscriber.subscribe(`${t.prefix}events`);
  subscriber.on('message', (_channel, message: string) => events.push(message));
  processor = await startProcessor(config(), { name: 'e2e-1' });
  await waitForReadings(t.redis, storeOptionsFrom(config()).keys, readings.length);
}, 60_000);

afterAll(async () => {
  await processor?.stop();
  subscriber?.disconnect();
  await t?.cleanup();
  await broker?.close();
});

/** What the rule detector says about each reading, recomputed over the same stream. */
function expectedAssessments(): Map<Reading, Assessment> {
  const detector = createRuleDetector();
  const out = new Map<Reading, Assessment>();
  readings.forEach((r) => {
    out.set(r, detector.assess([r])[0] as Assessment);
  });
  return out;
}

const text = (value: number | null) => (value === null ? '' : String(value));

describe('the processor against the dev broker (acceptance)', () => {
  it('stores each sensor’s latest enriched reading as its hash, field by field, with the TTL', async () => {
    const assessed = expectedAssessments();
    const latest = latestBySensor(readings);
    expect(latest.size).toBe(30);
    for (const [id, r] of latest) {
      const key = `${t.prefix}sensor:{${id}}`;
      const stored = await t.redis.hgetall(key);
      const a = assessed.get(r) as Assessment;
      const visible = Object.fromEntries(Object.entries(stored).filter(([f]) => !f.startsWith('_')));
      expect(visible).toEqual({
        sensor_id: id,
        ts: r.ts,
        seq: String(r.seq),
        device_type: r.device_type,
        location: r.location,
        current: text(r.current),
        voltage: text(r.voltage),
        power_factor: text(r.power_factor),
        power_kw: text(r.power_kw),
        energy_kwh: text(r.energy_kwh),
        temperature: text(r.temperature),
        pressure: text(r.pressure),
        vibration: text(r.vibration),
        producer_host: r.producer_host,
        ...(r.injected ? { injected: r.injected } : {}),
        ...(r.extra && Object.keys(r.extra).length > 0 ? { extra: JSON.stringify(r.extra) } : {}),
        anomaly_score: String(a.anomaly_score),
        is_anomaly: a.is_anomaly ? '1' : '0',
        failure_probability: String(a.failure_probability),
        status: a.status,
        reasons: JSON.stringify(a.reasons),
        model_version: a.model_version,
        processed_at: stored.processed_at,
      });
      expect(Date.parse(stored.processed_at as string)).toBeGreaterThan(Date.now() - 120_000);
      // 600 s after the last reading at least, refreshed at least every 30 s (the index refresh)
      const ttl = await t.redis.pttl(key);
      expect(ttl).toBeGreaterThan(540_000);
      expect(ttl).toBeLessThanOrEqual(630_000);
    }
  });

  it('lists each sensor in exactly one status set, its location and type sets and the id index', async () => {
    const latest = latestBySensor(readings);
    const assessed = expectedAssessments();
    for (const [id, r] of latest) {
      const status = (assessed.get(r) as Assessment).status;
      const processed = Date.parse((await t.redis.hget(`${t.prefix}sensor:{${id}}`, 'processed_at')) ?? '');
      for (const s of ['normal', 'warning', 'critical', 'offline']) {
        const score = await t.redis.zscore(`${t.prefix}status:${s}`, id);
        expect(score === null ? null : Number(score)).toBe(s === status ? processed : null);
      }
      expect(await t.redis.zscore(`${t.prefix}ids:location:${r.location}{${t.prefix}ids}`, id)).toBe('0');
      expect(await t.redis.zscore(`${t.prefix}ids:type:${r.device_type}{${t.prefix}ids}`, id)).toBe('0');
      expect(await t.redis.zscore(`${t.prefix}sensors`, id)).toBe('0');
    }
    const locations = new Set([...latest.values()].map((r) => r.location));
    expect((await t.redis.zrange(`${t.prefix}locations`, '0', '-1')).sort()).toEqual([...locations].sort());
  });

  it('keeps exact fleet aggregates: readings, anomalies, statuses, power now and energy used', async () => {
    const assessed = expectedAssessments();
    const latest = latestBySensor(readings);
    const first = new Map<string, Reading>();
    for (const r of readings) if (!first.has(r.sensor_id)) first.set(r.sensor_id, r);
    const statuses = [...latest.values()].map((r) => (assessed.get(r) as Assessment).status);
    const stats = parseFleetStats(await t.redis.hgetall(`${t.prefix}stats`));
    const power = [...latest.values()].reduce((sum, r) => sum + (r.power_kw ?? 0), 0);
    const energy = [...latest.values()].reduce(
      (sum, r) => sum + ((r.energy_kwh ?? 0) - (first.get(r.sensor_id)?.energy_kwh ?? 0)),
      0,
    );
    expect(stats).toMatchObject({
      readings: readings.length,
      anomalies: [...assessed.values()].filter((a) => a.is_anomaly).length,
      sensors: 30,
      normal: statuses.filter((s) => s === 'normal').length,
      warning: statuses.filter((s) => s === 'warning').length,
      critical: statuses.filter((s) => s === 'critical').length,
      offline: 0,
    });
    expect(stats.power_kw).toBeCloseTo(power, 4);
    expect(stats.energy_kwh).toBeCloseTo(energy, 3);
    const fleet = await t.redis.xrange(`${t.prefix}history:fleet`, '-', '+');
    expect(fleet.length).toBeGreaterThan(0);
  });

  it('writes one alert per transition into critical, to the alert stream and the alerts topic', async () => {
    const assessed = expectedAssessments();
    const before = new Map<string, string>();
    const transitions: { sensor_id: string; seq: string; reasons: string }[] = [];
    for (const r of readings) {
      const a = assessed.get(r) as Assessment;
      if (a.status === 'critical' && before.get(r.sensor_id) !== 'critical')
        transitions.push({ sensor_id: r.sensor_id, seq: String(r.seq), reasons: JSON.stringify(a.reasons) });
      before.set(r.sensor_id, a.status);
    }
    expect(transitions.length).toBeGreaterThan(0);
    const stream = await t.redis.xrange(`${t.prefix}alerts`, '-', '+');
    const alerts = stream.map(([, fields]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
      return f;
    });
    const key = (a: { sensor_id?: string; seq?: string }) => `${a.sensor_id}@${a.seq}`;
    expect(alerts.map(key).sort()).toEqual(transitions.map(key).sort());
    for (const alert of alerts) {
      const expected = transitions.find((x) => key(x) === key(alert));
      expect(alert).toMatchObject({ severity: 'critical', reasons: expected?.reasons });
    }
    const published = await waitUntil(async () => {
      const records = await broker.peek('sensor-alerts');
      return records.length >= transitions.length ? records : null;
    }, 'the alerts topic');
    const sent = published.map((r) => JSON.parse(String(r.value)) as { sensor_id: string; seq: number });
    expect(published.map((r) => String(r.key)).sort()).toEqual(transitions.map((x) => x.sensor_id).sort());
    expect(sent.map((s) => `${s.sensor_id}@${s.seq}`).sort()).toEqual(transitions.map(key).sort());
    expect(sent.every((s) => (s as unknown as { status: string }).status === 'critical')).toBe(true);
  });

  it('keeps per-sensor history, stores the producer heartbeat, and publishes a notice per chunk', async () => {
    const reader = createRedisStoreReader(t.redis, storeOptionsFrom(config()));
    const id = readings[0]?.sensor_id as string;
    const history = await reader.getSensorHistory(id);
    const own = readings.filter((r) => r.sensor_id === id);
    expect(history.length).toBeGreaterThanOrEqual(1);
    expect(history.reduce((n, p) => n + p.readings, 0)).toBeLessThanOrEqual(own.length);
    const bucket = history[0] as (typeof history)[number];
    const inBucket = own.filter(
      (r) => Date.parse(r.ts) >= Date.parse(bucket.ts) && Date.parse(r.ts) < Date.parse(bucket.ts) + 120_000,
    );
    expect(bucket.readings).toBe(inBucket.length);
    const mean = inBucket.reduce((s, r) => s + (r.temperature ?? 0), 0) / inBucket.length;
    expect(Math.abs((bucket.temperature ?? 0) - mean)).toBeLessThan(Math.abs(mean) * 1e-3 + 0.05);
    expect(await t.redis.zscore(`${t.prefix}producers`, 'sim-e2e')).not.toBeNull();
    // the simulator's heartbeats have expired by now (TTL of three): send a fresh one
    const beat = {
      producer_id: 'hb-e2e',
      host: 'h1',
      ts: new Date().toISOString(),
      sensors: 3,
      rate_hz: 3,
      sent_total: 9,
    };
    const producer = testKafka(broker, 'hb').producer();
    await producer.connect();
    await producer.send({
      topic: 'producer-heartbeat',
      messages: [{ key: 'hb-e2e', value: encodeHeartbeat(beat) }],
    });
    await producer.disconnect();
    const stored = await waitUntil(async () => {
      const hash = await t.redis.hgetall(`${t.prefix}producer:hb-e2e`);
      return hash.producer_id ? hash : null;
    }, 'the heartbeat hash');
    expect(stored).toMatchObject({
      producer_id: 'hb-e2e',
      host: 'h1',
      ts: beat.ts,
      sensors: '3',
      rate_hz: '3',
      sent_total: '9',
    });
    expect(await t.redis.pttl(`${t.prefix}producer:hb-e2e`)).toBeGreaterThan(3000);
    expect(await t.redis.pttl(`${t.prefix}producer:hb-e2e`)).toBeLessThanOrEqual(6000);
    const notices = events.map((e) => JSON.parse(e) as { type: string; readings?: number });
    const chunks = notices.filter((n) => n.type === 'chunk');
    expect(chunks.reduce((n, c) => n + (c.readings ?? 0), 0)).toBe(readings.length);
    expect(processor.health()).toMatchObject({ ok: true, redis: 'ready', kafka: 'joined' });
    expect(await broker.peek('sensor-data.dlq')).toEqual([]);
  });
});
