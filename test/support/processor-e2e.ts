/**
 * Shared pieces of the processor's end-to-end tests: the dev broker, a simulated fleet published
 * into it (driven by a manual clock, so a minute of fleet time takes a moment), the configuration of
 * a `process` instance on the run's private Redis, and polling for what the store counted.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { logLevel } from 'kafkajs';
import { PROCESS_SETTINGS, type ProcessConfig } from '../../src/config/process-config.ts';
import { readConfig } from '../../src/config/read-config.ts';
import { SIMULATE_SETTINGS } from '../../src/config/simulate-config.ts';
import type { Reading } from '../../src/domain/reading.ts';
import { decodeReading } from '../../src/domain/reading-codec.ts';
import type { RunningBroker } from '../../src/kafka/broker/start-broker.ts';
import { createKafka } from '../../src/kafka/create-kafka.ts';
import { startSimulator } from '../../src/simulator/start-simulator.ts';
import { parseFleetStats } from '../../src/store/fleet-stats.ts';
import type { RedisKeys } from '../../src/store/keys.ts';
import { waitUntil } from './broker/wait-until.ts';
import { ManualClock } from './manual-clock.ts';
import { memoryLogger } from './memory-sink.ts';

export interface SimulatedFleet {
  readonly sensors: number;
  readonly seconds: number;
  readonly seed?: number;
  /** Anomaly episodes per sensor per hour. */
  readonly anomalyRate?: number;
  /** Fleet time of the first slot (ms); a minute ago by default. */
  readonly startMs?: number;
}

/** Publishes `seconds` of a simulated fleet into `broker`; resolves to the readings as stored there. */
export async function simulateInto(broker: RunningBroker, fleet: SimulatedFleet): Promise<Reading[]> {
  const config = readConfig(SIMULATE_SETTINGS, {
    env: {
      KAFKA_BROKERS: broker.bootstrap,
      TOTAL_SENSORS: String(fleet.sensors),
      SIM_SEED: String(fleet.seed ?? 7),
      ANOMALY_RATE: String(fleet.anomalyRate ?? 0),
      PRODUCER_ID: 'sim-e2e',
      KAFKA_PARTITIONS: '4',
    },
  });
  const clock = new ManualClock(fleet.startMs ?? Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
  const kafka = createKafka(config, { logLevel: logLevel.NOTHING });
  const logs = memoryLogger();
  const simulator = startSimulator(config, { source: { kafka }, clock, log: logs.log });
  // the simulator skips the slots that fall due while Kafka is not connected: let it connect first
  await waitUntil(
    () => logs.lines.some((l) => l.message === 'connected to Kafka'),
    'the simulator connected to Kafka',
  );
  await clock.advance(fleet.seconds * 1000);
  await simulator.stop();
  return readingsIn(broker, config.topic);
}

/** Every valid reading stored in `topic`, partition by partition in offset order. */
export async function readingsIn(broker: RunningBroker, topic = 'sensor-data'): Promise<Reading[]> {
  const out: Reading[] = [];
  for (const record of await broker.peek(topic)) {
    const decoded = decodeReading(record.value);
    if (decoded.ok) out.push(decoded.value);
  }
  return out;
}

/** A `process` configuration on the run's Redis under `prefix`, in a group of its own. */
export function processConfig(
  broker: RunningBroker,
  redisUrl: string,
  prefix: string,
  env: Record<string, string> = {},
): ProcessConfig {
  return readConfig(PROCESS_SETTINGS, { env: processEnv(broker, redisUrl, prefix, env) });
}

/** The environment of such a process (for a `wattwatch process` child). */
export function processEnv(
  broker: RunningBroker,
  redisUrl: string,
  prefix: string,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    KAFKA_BROKERS: broker.bootstrap,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    KAFKA_GROUP_ID: `e2e-${randomUUID().slice(0, 8)}`,
    KAFKA_SESSION_TIMEOUT_MS: '3000',
    PROCESS_METRICS_PORT: '0',
    PROCESS_CHUNK_SIZE: '100',
    RETRY_MAX_MS: '500',
    ...env,
  };
}

/** Waits until the fleet stats count `readings` stored readings (and fails on more). */
export async function waitForReadings(
  redis: Redis,
  keys: RedisKeys,
  readings: number,
  timeoutMs = 40_000,
): Promise<void> {
  await waitUntil(
    async () => {
      const stored = parseFleetStats(await redis.hgetall(keys.stats)).readings;
      if (stored > readings) throw new Error(`${stored} readings counted, only ${readings} were sent`);
      return stored === readings;
    },
    `${readings} readings in the fleet stats`,
    { timeoutMs, intervalMs: 50 },
  );
}

/** The last reading of each sensor (readings of a sensor arrive in seq order). */
export function latestBySensor(readings: readonly Reading[]): Map<string, Reading> {
  const out = new Map<string, Reading>();
  for (const r of readings) if ((out.get(r.sensor_id)?.seq ?? -1) < r.seq) out.set(r.sensor_id, r);
  return out;
}

/**
 * The per-sensor counters the store keeps in the hash field `_` (apply-readings-script.ts: struct
 * '<dIIIII', incarnation then readings, anomalous and critical transitions applied).
 */
export function counted(book: Buffer | null | undefined): { n: number; na: number; nc: number } {
  if (book?.length !== 28) return { n: 0, na: 0, nc: 0 };
  return { n: book.readUInt32LE(8), na: book.readUInt32LE(12), nc: book.readUInt32LE(16) };
}
