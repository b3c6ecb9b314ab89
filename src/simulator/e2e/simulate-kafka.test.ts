/**
 * `simulate` against the dev broker with the real kafkajs client, built from configuration as the
 * CLI builds it: topics created with their partition counts, every sensor's readings valid, keyed
 * and in order, heartbeats every 2 s and a final one on stop; and a start while Kafka is down.
 */
import { type Kafka, Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTopics, type TopicCollector } from '../../../test/support/broker/collect-topics.ts';
import {
  analyseHeartbeats,
  analyseReadings,
  heartbeatGaps,
} from '../../../test/support/broker/reading-stream.ts';
import { TEST_BROKER_OPTIONS, testKafka } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import { memoryLogger } from '../../../test/support/memory-sink.ts';
import { closedPort } from '../../../test/support/spawn-cli.ts';
import { DEFAULT_SIMULATE_CONFIG, type SimulateConfig } from '../../config/simulate-config.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { type StartedSimulator, startSimulator } from '../start-simulator.ts';

const brokers: RunningBroker[] = [];
const collectors: TopicCollector[] = [];
const simulators: StartedSimulator[] = [];

async function broker(port = 0): Promise<{ broker: RunningBroker; kafka: Kafka }> {
  // No auto-creation: the topics must come from the simulator, with its partition counts.
  const b = await startBroker({ ...TEST_BROKER_OPTIONS, port, autoCreateTopics: false });
  brokers.push(b);
  return { broker: b, kafka: testKafka(b, 'simulate-e2e') };
}

function config(bootstrap: string, overrides: Partial<SimulateConfig> = {}): SimulateConfig {
  return {
    ...DEFAULT_SIMULATE_CONFIG,
    brokers: [bootstrap],
    sensors: 300,
    sensorIntervalMs: 500,
    partitions: 5,
    seed: 7,
    producerId: 'sim-e2e',
    hostIp: 'e2e-host',
    ...overrides,
  };
}

function start(c: SimulateConfig) {
  const { log, lines } = memoryLogger();
  const sim = startSimulator(c, { log });
  simulators.push(sim);
  return { sim, lines };
}

afterAll(async () => {
  await Promise.all(simulators.map((s) => s.stop()));
  await Promise.all(collectors.splice(0).map((c) => c.stop()));
  await Promise.all(brokers.map((b) => b.close()));
});

describe('simulate → dev broker', () => {
  let kafka: Kafka;
  let bootstrap: string;
  beforeAll(async () => {
    const b = await broker();
    kafka = b.kafka;
    bootstrap = b.broker.bootstrap;
  });

  it('publishes 300 sensors keyed and in order, with a heartbeat every 2 s and a final one', async () => {
    const c = config(bootstrap);
    const { sim } = start(c);
    const collector = await collectTopics(kafka, [c.topic, c.heartbeatTopic], 'simulate-e2e');
    collectors.push(collector);
    await waitUntil(
      () =>
        collector.of(c.heartbeatTopic).length >= 4 &&
        analyseReadings(collector.of(c.topic)).sensors.size === 300,
      'four heartbeats and every sensor',
    );
    const stats = await sim.stop();
    await waitUntil(
      () =>
        collector.of(c.topic).length >= stats.sent &&
        analyseHeartbeats(collector.of(c.heartbeatTopic)).heartbeats.some((h) => h.stopped),
      `all ${stats.sent} readings and the final heartbeat consumed`,
    );

    const admin = kafka.admin();
    await admin.connect();
    const { topics } = await admin.fetchTopicMetadata({ topics: [c.topic, c.heartbeatTopic] });
    await admin.disconnect();
    const partitionsOf = (name: string) => topics.find((t) => t.name === name)?.partitions ?? [];
    expect(partitionsOf(c.topic)).toHaveLength(5);
    expect(partitionsOf(c.heartbeatTopic)).toHaveLength(1);

    const stream = analyseReadings(collector.of(c.topic));
    expect(stream.invalid).toEqual([]);
    expect(stream.misKeyed).toEqual([]);
    expect(stream.outOfOrder).toEqual([]);
    expect(stream.readings).toHaveLength(stats.sent);
    expect(stats.failed).toBe(0);
    expect(stream.sensors.size).toBe(300);
    expect(new Set(stream.readings.map((r) => r.producer_host))).toEqual(new Set(['e2e-host']));
    // Each sensor lives in the one partition kafkajs' default partitioner picks for its key.
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = partitionsOf(c.topic).map((p) => ({ ...p, leader: 0 }));
    for (const [id, { partitions }] of stream.sensors) {
      const expected = partitioner({ topic: c.topic, partitionMetadata, message: { key: id, value: '' } });
      expect([...partitions]).toEqual([expected]);
    }

    const beats = analyseHeartbeats(collector.of(c.heartbeatTopic));
    expect(beats.invalid).toEqual([]);
    expect(beats.misKeyed).toEqual([]);
    const running = beats.heartbeats.filter((h) => !h.stopped);
    const final = beats.heartbeats.at(-1);
    expect(beats.heartbeats.filter((h) => h.stopped)).toEqual([final]);
    expect(
      running.every((h) => h.producer_id === 'sim-e2e' && h.host === 'e2e-host' && h.sensors === 300),
    ).toBe(true);
    // A timer never fires early; the median of the gaps shows the beat is not far late either.
    const gaps = heartbeatGaps(running);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1900);
    expect(gaps.sort((a, b) => a - b)[gaps.length >> 1]).toBeLessThan(3000);
    const totals = beats.heartbeats.map((h) => h.sent_total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(running.at(-1)?.rate_hz).toBeGreaterThan(0);
    expect(final).toMatchObject({
      producer_id: 'sim-e2e',
      sensors: 300,
      sent_total: stats.sent,
      stopped: true,
    });
  });
});

describe('simulate started while Kafka is down', () => {
  it('retries, then connects and publishes when the broker comes up, without back-filling', async () => {
    const port = await closedPort();
    const c = config(`127.0.0.1:${port}`, { producerId: 'sim-late' });
    const { sim, lines } = start(c);
    await waitUntil(
      () => lines.some((l) => l.message === 'Kafka unreachable; retrying'),
      'the first "unreachable" log line',
    );
    expect(sim.stats().sent).toBe(0);
    const upAt = Date.now();
    const { kafka } = await broker(port);
    const collector = await collectTopics(kafka, [c.topic, c.heartbeatTopic], 'late-readers');
    collectors.push(collector);
    await waitUntil(
      () =>
        analyseReadings(collector.of(c.topic)).sensors.size === 300 &&
        collector.of(c.heartbeatTopic).length > 0,
      'every sensor and a heartbeat after the broker came up',
    );
    expect(lines.some((l) => l.message === 'connected to Kafka')).toBe(true);
    const stream = analyseReadings(collector.of(c.topic));
    expect(stream.invalid).toEqual([]);
    expect(stream.outOfOrder).toEqual([]);
    // Slots that fell due during the outage were skipped, not sent late: the oldest reading is at
    // most one interval (plus its jitter window) older than the moment the broker came up.
    expect(sim.stats().skipped).toBeGreaterThan(0);
    const oldest = Math.min(...stream.readings.map((r) => r.seq));
    expect(oldest).toBeGreaterThanOrEqual(upAt - c.sensorIntervalMs * (1 + c.jitter));
    await sim.stop();
  });
});
