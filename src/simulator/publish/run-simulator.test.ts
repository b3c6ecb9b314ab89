import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/support/manual-clock.ts';
import { MemorySink, memoryLogger } from '../../../test/support/memory-sink.ts';
import { decodeHeartbeat } from '../../domain/heartbeat.ts';
import { decodeReading } from '../../domain/reading-codec.ts';
import { partitionForKey } from '../../kafka/key-partition.ts';
import { createFleet } from '../fleet/create-fleet.ts';
import { NO_ANOMALIES } from '../signals/anomaly-episodes.ts';
import { createGenerator } from '../signals/create-generator.ts';
import {
  DEFAULT_SIMULATOR_RUN_OPTIONS,
  type SimulatorRunOptions,
  startSimulatorRun,
} from './run-simulator.ts';

const START = Date.parse('2026-03-04T10:00:00Z');

const OPTIONS: SimulatorRunOptions = {
  ...DEFAULT_SIMULATOR_RUN_OPTIONS,
  sensors: 300,
  seed: 42,
  intervalMs: 1000,
  jitter: 0.05,
  timeZone: 'UTC',
  producerHost: 'host-a',
  producerId: 'sim-test',
  anomalies: NO_ANOMALIES,
  topic: 'sensor-data',
  heartbeatTopic: 'producer-heartbeat',
  heartbeatIntervalMs: 2000,
  backoff: { initialMs: 1000, maxMs: 8000, factor: 2 },
};

function setup(overrides: Partial<SimulatorRunOptions> = {}) {
  const clock = new ManualClock(START);
  const sink = new MemorySink();
  const { log, lines } = memoryLogger();
  const run = startSimulatorRun({ ...OPTIONS, ...overrides }, { sink, log, clock });
  const readings = () => sink.on('sensor-data').map((m) => ({ key: m.key, result: decodeReading(m.value) }));
  return { clock, sink, lines, run, readings };
}

describe('startSimulatorRun', () => {
  it('publishes one valid reading per sensor per interval, keyed by sensor_id, in small batches', async () => {
    const { clock, sink, run, readings } = setup();
    await clock.advance(10_000);
    const all = readings();
    expect(all.every((r) => r.result.ok && r.result.value.sensor_id === r.key)).toBe(true);
    const perSensor = new Map<string, number>();
    for (const r of all) perSensor.set(r.key, (perSensor.get(r.key) ?? 0) + 1);
    expect(perSensor.size).toBe(300);
    // Slots of 10:00:00 … 10:00:09.95 whose jitter window has passed.
    expect([...perSensor.values()].every((n) => n >= 9 && n <= 10)).toBe(true);
    // 300 readings/s in 50 ms windows: about 15 per batch, never the whole fleet at once.
    expect(Math.max(...sink.batches)).toBeLessThanOrEqual(20);
    expect((await run.stop()).sent).toBe(all.length);
  });

  it('publishes the generator’s values for the seed: the same fleet and stream, ts = slot + jitter', async () => {
    const { clock, run, readings } = setup();
    await clock.advance(3000);
    await run.stop();
    const reference = createGenerator(createFleet({ sensors: 300, seed: 42 }), {
      startMs: START,
      anomalies: NO_ANOMALIES,
      producerHost: 'host-a',
    });
    const first = readings().find((r) => r.key === 'sensor_150');
    expect(first?.result.ok).toBe(true);
    if (!first?.result.ok) return;
    const published = first.result.value;
    const jitter = Date.parse(published.ts) - published.seq;
    expect(published.seq).toBe(START + 500); // sensor 150 of 300: half an interval in
    expect(jitter).toBeGreaterThanOrEqual(0);
    expect(jitter).toBeLessThan(50);
    expect(published).toEqual(reference.sample(150, published.seq, jitter));
  });

  it('sends a heartbeat every 2 s with the acknowledged rate and total', async () => {
    const { clock, sink, run } = setup();
    await clock.advance(10_000);
    await clock.advance(500);
    const stats = await run.stop();
    const beats = sink.on('producer-heartbeat');
    // Five while running, then the final one after the flush.
    expect(beats).toHaveLength(6);
    const decoded = beats.map((b) => decodeHeartbeat(b.value));
    expect(decoded.every((d) => d.ok)).toBe(true);
    const final = decoded.at(-1);
    expect(final?.ok && final.value).toMatchObject({ stopped: true, sent_total: stats.sent, sensors: 300 });
    expect(final?.ok && final.value.ts).toBe('2026-03-04T10:00:10.500Z');
    expect(decoded.slice(0, -1).every((d) => d.ok && d.value.stopped === undefined)).toBe(true);
    const last = decoded.at(-2);
    if (!last?.ok) return;
    expect(beats.every((b) => b.key === 'sim-test')).toBe(true);
    expect(last.value).toMatchObject({ producer_id: 'sim-test', host: 'host-a', sensors: 300 });
    expect(last.value.rate_hz).toBeGreaterThan(280);
    expect(last.value.rate_hz).toBeLessThan(320);
    expect(last.value.sent_total).toBeGreaterThan(2500);
    expect(last.value.ts).toBe('2026-03-04T10:00:10.000Z');
  });

  it('sends each reading to its key’s partition once the sink knows the partition count', async () => {
    const { clock, sink, run } = setup();
    await clock.advance(1000);
    expect(sink.on('sensor-data').every((m) => m.partition === undefined)).toBe(true);
    sink.partitions.set('sensor-data', 12);
    const before = sink.on('sensor-data').length;
    await clock.advance(2000);
    const later = sink.on('sensor-data').slice(before);
    expect(later.length).toBeGreaterThan(500);
    expect(later.every((m) => m.partition === partitionForKey(m.key, 12))).toBe(true);
    await run.stop();
  });

  it('publishes only its shard’s sensors, and no heartbeat when told the main thread sends them', async () => {
    const { clock, sink, run, readings } = setup({ shard: { index: 1, count: 3 }, heartbeat: false });
    await clock.advance(5000);
    const stats = await run.stop();
    const ids = new Set(readings().map((r) => r.key));
    expect(ids.size).toBe(100);
    expect([...ids].every((id) => Number(id.slice('sensor_'.length)) % 3 === 1)).toBe(true);
    expect(sink.on('producer-heartbeat')).toEqual([]);
    expect(stats.sent).toBe(readings().length);
  });

  it('skips while Kafka is unreachable and then continues from the current time', async () => {
    const { clock, sink, run, readings } = setup();
    sink.connected = false;
    await clock.advance(30_000);
    expect(sink.messages).toHaveLength(0);
    expect(run.stats().skipped).toBeGreaterThan(8000);
    sink.connected = true;
    await clock.advance(2000);
    const after = readings().flatMap((r) => (r.result.ok ? [r.result.value] : []));
    expect(after.length).toBeGreaterThan(300);
    // Nothing stale is back-filled: every reading is from the last interval before it was sent.
    expect(Math.min(...after.map((r) => r.seq))).toBeGreaterThanOrEqual(START + 29_000);
    const stats = await run.stop();
    expect(stats.sent + stats.skipped + stats.silent).toBeGreaterThan(300 * 31);
  });

  it('backs off after failed batches, drops them (counted), keeps memory bounded, and recovers', async () => {
    const { clock, sink, lines, run } = setup();
    await clock.advance(2000);
    sink.failing = true;
    await clock.advance(60_000);
    const during = run.stats();
    expect(during.failed).toBeGreaterThan(0);
    expect(during.inFlight).toBeLessThanOrEqual(OPTIONS.maxInFlight);
    // Backoff: far fewer failed batches than the 1200 ticks of the outage.
    expect(during.sendErrors).toBeLessThan(30);
    expect(during.skipped).toBeGreaterThan(300 * 50);
    expect(
      lines.filter((l) => l.level === 'error' && /cannot publish readings/.test(l.message)),
    ).toHaveLength(1);
    sink.failing = false;
    const sentBefore = run.stats().sent;
    await clock.advance(20_000);
    expect(run.stats().sent - sentBefore).toBeGreaterThan(300 * 5);
    expect(lines.some((l) => l.level === 'info' && /publishing again/.test(l.message))).toBe(true);
    await run.stop();
  });

  it('stops generating when Kafka is slow (in-flight limit), and stop() waits for batches in flight', async () => {
    const { clock, sink, run } = setup();
    sink.holding = true;
    await clock.advance(5000);
    expect(run.stats().inFlight).toBe(OPTIONS.maxInFlight);
    expect(sink.heldCount).toBe(OPTIONS.maxInFlight + 1); // and one heartbeat
    expect(run.stats().generated).toBeLessThan(300);
    const stopping = run.stop();
    await clock.advance(100);
    sink.release();
    const stats = await stopping;
    expect(stats.inFlight).toBe(0);
    expect(stats.sent).toBe(stats.generated);
    const after = sink.messages.length;
    await clock.advance(5000);
    expect(sink.messages.length).toBe(after);
  });

  it('gives up waiting for a batch that never completes after flushTimeoutMs', async () => {
    const { clock, sink, lines, run } = setup({ flushTimeoutMs: 3000 });
    sink.holding = true;
    await clock.advance(1000);
    const stopping = run.stop();
    await clock.advance(3000);
    const stats = await stopping;
    expect(stats.inFlight).toBeGreaterThan(0);
    expect(lines.some((l) => l.level === 'warn' && /before Kafka acknowledged/.test(l.message))).toBe(true);
  });
});
