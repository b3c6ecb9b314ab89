/**
 * Acceptance: malformed messages on the readings topic end in `sensor-data.dlq` with a reason, the
 * original key and their partition and offset, while the valid readings around them are stored and
 * the processor keeps running.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BROKER_OPTIONS, testKafka } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import { processConfig, waitForReadings } from '../../../test/support/processor-e2e.ts';
import { sampleReading } from '../../../test/support/sample-readings.ts';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis.ts';
import type { DlqRecord } from '../../domain/dlq-record.ts';
import { encodeReading } from '../../domain/reading-codec.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { configureLogging } from '../../log/logger.ts';
import { storeOptionsFrom } from '../../store/store-options.ts';
import { DLQ_RAW_LIMIT_BYTES } from '../decode-messages.ts';
import { type RunningProcessor, startProcessor } from '../start-processor.ts';

let broker: RunningBroker;
let t: TestRedis;
let processor: RunningProcessor;

beforeAll(async () => {
  configureLogging({ write: () => {} });
  // a 1 MiB value does not fit Kafka's default 1 MB message limit; this broker takes 2 MiB
  broker = await startBroker({ ...TEST_BROKER_OPTIONS, maxMessageBytes: 2 * 1024 * 1024 });
  t = await createTestRedis();
});

afterAll(async () => {
  await processor?.stop();
  await t?.cleanup();
  await broker?.close();
});

const valid = (seq: number) => encodeReading(sampleReading({ sensor_id: 'good_1', seq }));
const json = (fields: Record<string, unknown>) => Buffer.from(JSON.stringify(fields));
const reading = (overrides: Record<string, unknown>) => ({
  ...sampleReading({ sensor_id: 'bad_1' }),
  ...overrides,
});
const { sensor_id: _, ...missingId } = sampleReading();

const MALFORMED: { key: string; value: Buffer; reason: string }[] = [
  { key: 'random', value: randomBytes(200), reason: 'invalid_json' },
  { key: 'types', value: json(reading({ current: 'twenty' })), reason: 'wrong_type' },
  {
    key: 'nan',
    value: Buffer.from(
      JSON.stringify(reading({ temperature: 1 })).replace('"temperature":1', '"temperature":1e999'),
    ),
    reason: 'not_finite',
  },
  { key: 'missing', value: json(missingId), reason: 'missing_field' },
  { key: 'huge', value: json(reading({ location: 'x'.repeat(1024 * 1024) })), reason: 'too_large' },
];

describe('malformed input (acceptance)', () => {
  it('dead-letters each malformed message with its reason and stores the valid readings around them', async () => {
    const producer = testKafka(broker, 'e2e-bad').producer();
    await producer.connect();
    const admin = testKafka(broker, 'e2e-admin').admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'sensor-data', numPartitions: 1 }] });
    await admin.disconnect();
    let seq = 1;
    for (const bad of MALFORMED) {
      await producer.send({
        topic: 'sensor-data',
        messages: [
          { key: 'good_1', value: valid(seq++) },
          { key: bad.key, value: bad.value },
          { key: 'good_1', value: valid(seq++) },
        ],
      });
    }
    const config = processConfig(broker, t.url, t.prefix, { PROCESS_DETECTOR: 'rules' });
    processor = await startProcessor(config, { name: 'e2e-bad' });
    const keys = storeOptionsFrom(config).keys;
    await waitForReadings(t.redis, keys, seq - 1);
    const dead = await waitUntil(async () => {
      const records = await broker.peek('sensor-data.dlq');
      return records.length >= MALFORMED.length ? records : null;
    }, 'the DLQ records');
    expect(dead).toHaveLength(MALFORMED.length);
    MALFORMED.forEach((bad, i) => {
      const record = dead[i] as (typeof dead)[number];
      const value = JSON.parse(String(record.value)) as DlqRecord;
      expect(String(record.key)).toBe(bad.key);
      expect(value).toMatchObject({
        reason: bad.reason,
        topic: 'sensor-data',
        partition: 0,
        offset: String(3 * i + 1),
      });
      const raw = Buffer.from(value.raw, 'base64');
      expect(raw.equals(bad.value.subarray(0, DLQ_RAW_LIMIT_BYTES))).toBe(true);
      expect(Number.isNaN(Date.parse(value.rejected_at))).toBe(false);
    });
    expect(await t.redis.hget(keys.sensor('good_1'), 'seq')).toBe(String(seq - 1));
    expect(await t.redis.exists(keys.sensor('bad_1'))).toBe(0);
    // still running: one more valid reading is stored
    await producer.send({ topic: 'sensor-data', messages: [{ key: 'good_1', value: valid(seq) }] });
    await waitForReadings(t.redis, keys, seq);
    expect(processor.health().ok).toBe(true);
    expect(
      await processor.metrics.registry.getSingleMetricAsString('wattwatch_processor_rejects_total'),
    ).toMatch(/reason="too_large"\} 1/);
    await producer.disconnect();
  });
});
