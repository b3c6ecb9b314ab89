/**
 * `simulate` split across two worker threads (what a 100k-sensor fleet uses), against the dev
 * broker: the same guarantees as one thread — every sensor, keyed, in order, on kafkajs' own
 * partition, one schedule, riding out a broker that is not there yet — plus one heartbeat
 * identity summing both workers, and worker log lines relayed to the main thread's logger.
 */
import { Partitioners } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { collectTopics, type TopicCollector } from '../../../test/support/broker/collect-topics.ts';
import { analyseHeartbeats, analyseReadings } from '../../../test/support/broker/reading-stream.ts';
import { TEST_BROKER_OPTIONS, testKafka } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import { memoryLogger } from '../../../test/support/memory-sink.ts';
import { closedPort } from '../../../test/support/spawn-cli.ts';
import { DEFAULT_SIMULATE_CONFIG, type SimulateConfig } from '../../config/simulate-config.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { resolveWorkers, type StartedSimulator, startSimulator } from '../start-simulator.ts';

let broker: RunningBroker | undefined;
let collector: TopicCollector | undefined;
let sim: StartedSimulator | undefined;

afterAll(async () => {
  await sim?.stop();
  await collector?.stop();
  await broker?.close();
});

describe('resolveWorkers', () => {
  const config = (sensors: number, sensorIntervalMs: number, workers = 0): SimulateConfig => ({
    ...DEFAULT_SIMULATE_CONFIG,
    sensors,
    sensorIntervalMs,
    workers,
  });

  it('uses one thread for small fleets and one per 50,000 readings/s up to the CPU count', () => {
    expect(resolveWorkers(config(300, 1000), 2)).toBe(1);
    expect(resolveWorkers(config(50_000, 1000), 2)).toBe(1);
    expect(resolveWorkers(config(100_000, 1000), 2)).toBe(2);
    expect(resolveWorkers(config(100_000, 1000), 8)).toBe(2);
    expect(resolveWorkers(config(100_000, 250), 8)).toBe(8);
    expect(resolveWorkers(config(100_000, 1000), 1)).toBe(1);
  });

  it('takes an explicit count, never more than there are sensors', () => {
    expect(resolveWorkers(config(300, 1000, 3), 2)).toBe(3);
    expect(resolveWorkers(config(2, 1000, 4), 8)).toBe(2);
  });
});

describe('simulate with two worker threads → dev broker', () => {
  it('connects when the broker comes up, then publishes every sensor keyed and in order from one schedule, with one summed heartbeat', async () => {
    const port = await closedPort();
    const config: SimulateConfig = {
      ...DEFAULT_SIMULATE_CONFIG,
      brokers: [`127.0.0.1:${port}`],
      sensors: 300,
      sensorIntervalMs: 500,
      partitions: 4,
      workers: 2,
      producerId: 'sim-workers',
    };
    const { log, lines } = memoryLogger();
    sim = startSimulator(config, { log });
    expect(sim.workers).toBe(2);
    // Each worker's producer (and the heartbeat's) reports the outage and keeps retrying.
    const unreachable = () =>
      new Set(lines.filter((l) => l.message === 'Kafka unreachable; retrying').map((l) => l.fields.worker));
    await waitUntil(() => unreachable().size === 3, 'both workers and the main thread retrying');
    expect(unreachable()).toEqual(new Set([0, 1, undefined]));
    broker = await startBroker({ ...TEST_BROKER_OPTIONS, port, autoCreateTopics: false });
    collector = await collectTopics(
      testKafka(broker, 'workers-e2e'),
      [config.topic, config.heartbeatTopic],
      'w',
    );
    const seen = collector;
    await waitUntil(() => {
      const { sensors } = analyseReadings(seen.of(config.topic));
      return (
        sensors.size === 300 &&
        [...sensors.values()].every((s) => s.seqs.length >= 2) &&
        seen.of(config.heartbeatTopic).length > 0
      );
    }, 'two readings of every sensor and a heartbeat');
    const stats = await sim.stop();
    await waitUntil(
      () =>
        seen.of(config.topic).length >= stats.sent &&
        analyseHeartbeats(seen.of(config.heartbeatTopic)).heartbeats.some((h) => h.stopped),
      'every reading sent and the final heartbeat',
    );

    const stream = analyseReadings(seen.of(config.topic));
    expect(stream.invalid).toEqual([]);
    expect(stream.misKeyed).toEqual([]);
    expect(stream.outOfOrder).toEqual([]);
    expect(stream.readings).toHaveLength(stats.sent);
    expect(stats).toMatchObject({ failed: 0, inFlight: 0 });
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = [0, 1, 2, 3].map((partitionId) => ({
      partitionId,
      leader: 0,
      replicas: [0],
      isr: [0],
      partitionErrorCode: 0,
    }));
    for (const [id, { partitions }] of stream.sensors) {
      expect([...partitions]).toEqual([
        partitioner({ topic: config.topic, partitionMetadata, message: { key: id, value: '' } }),
      ]);
    }
    // One schedule: sensor i reports at origin + phase(i) + k·interval, the same origin for both workers.
    const origins = new Set(
      stream.readings.map((r) => {
        const i = Number(r.sensor_id.slice('sensor_'.length));
        return (r.seq - Math.floor((i * 500) / 300)) % 500;
      }),
    );
    expect(origins.size).toBe(1);

    const beats = analyseHeartbeats(seen.of(config.heartbeatTopic));
    expect(beats.invalid).toEqual([]);
    expect(beats.misKeyed).toEqual([]);
    expect(beats.heartbeats.every((h) => h.producer_id === 'sim-workers' && h.sensors === 300)).toBe(true);
    expect(beats.heartbeats.at(-1)).toMatchObject({ stopped: true, sent_total: stats.sent });

    // Both workers' lines reach this thread's logger, tagged with their worker.
    const connected = lines.filter((l) => l.message === 'connected to Kafka').map((l) => l.fields.worker);
    expect(connected).toEqual(expect.arrayContaining([0, 1, undefined]));
  });
});

describe('a simulator worker thread that dies', () => {
  it('is reported through failed and logged, and stop() still returns', async () => {
    // A jitter the config parser would refuse: the workers' schedules throw as they start.
    const config: SimulateConfig = {
      ...DEFAULT_SIMULATE_CONFIG,
      brokers: [`127.0.0.1:${await closedPort()}`],
      sensors: 10,
      workers: 2,
      jitter: 0.9,
    };
    const { log, lines } = memoryLogger();
    const broken = startSimulator(config, { log });
    const error = await broken.failed;
    expect(error.message).toMatch(/jitter/);
    expect(lines.some((l) => l.level === 'error' && l.message === 'simulator worker failed')).toBe(true);
    expect(await broken.stop()).toMatchObject({ sent: 0 });
  });
});
