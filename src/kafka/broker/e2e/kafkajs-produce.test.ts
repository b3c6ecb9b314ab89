/**
 * The real kafkajs producer and consumer against the broker: every acks mode, gzip, the
 * idempotent producer (including a retried batch the broker had already applied), the 1 MiB
 * batch limit, and a message larger than the consumer's per-partition fetch size.
 */
import { CompressionTypes, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastConsumer, TEST_BROKER_OPTIONS, testKafka } from '../../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../../test/support/broker/wait-until.ts';
import type { BrokerLogFields } from '../broker-logger.ts';
import { type RunningBroker, startBroker } from '../start-broker.ts';

interface Seen {
  readonly partition: number;
  readonly offset: number;
  readonly message: KafkaMessage;
}

let broker: RunningBroker;
let kafka: Kafka;
const producers: Producer[] = [];
const consumers: Consumer[] = [];

async function producer(options: Parameters<Kafka['producer']>[0] = {}): Promise<Producer> {
  const p = kafka.producer(options);
  producers.push(p);
  await p.connect();
  return p;
}

/** Consumes `topic` from the beginning into an array until stopped. */
async function consumeAll(topic: string, groupId: string, overrides = {}): Promise<Seen[]> {
  const seen: Seen[] = [];
  const consumer = kafka.consumer(fastConsumer(groupId, overrides));
  consumers.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      seen.push({ partition, offset: Number(message.offset), message });
    },
  });
  return seen;
}

const brokerLog: { message: string; fields: BrokerLogFields | undefined }[] = [];
const record = (message: string, fields?: BrokerLogFields) => void brokerLog.push({ message, fields });

beforeAll(async () => {
  broker = await startBroker({
    ...TEST_BROKER_OPTIONS,
    defaultPartitions: 3,
    logger: { debug: record, info: record, warn: record, error: record },
  });
  kafka = testKafka(broker, 'produce-test');
});

afterAll(async () => {
  await Promise.all([...producers, ...consumers].map((c) => c.disconnect()));
  await broker.close();
});

describe('kafkajs producing to the broker', () => {
  it('delivers messages sent with acks -1, 1 and 0 exactly once, with offsets, keys and headers', async () => {
    const p = await producer();
    const messages = (acks: number) =>
      Array.from({ length: 30 }, (_, i) => ({
        key: `sensor-${i % 7}`,
        value: `acks=${acks} #${i}`,
        headers: { acks: String(acks), seq: String(i) },
      }));
    await p.send({ topic: 'acks', acks: -1, messages: messages(-1) });
    await p.send({ topic: 'acks', acks: 1, messages: messages(1) });
    await p.send({ topic: 'acks', acks: 0, messages: messages(0) });
    await waitUntil(async () => (await broker.peek('acks')).length === 90, 'all 90 records stored');

    const seen = await consumeAll('acks', 'acks-readers');
    await waitUntil(() => seen.length >= 90, 'all 90 consumed');
    expect(seen).toHaveLength(90);
    const values = seen.map((s) => String(s.message.value)).sort();
    expect(new Set(values).size).toBe(90);
    expect(values).toEqual([-1, 1, 0].flatMap((acks) => messages(acks).map((m) => m.value)).sort());
    for (const s of seen) {
      const [, acks, seq] = /^acks=(-?\d) #(\d+)$/.exec(String(s.message.value)) ?? [];
      expect(String(s.message.headers?.acks)).toBe(acks);
      expect(String(s.message.headers?.seq)).toBe(seq);
      expect(String(s.message.key)).toBe(`sensor-${Number(seq) % 7}`);
    }
    for (const partition of [0, 1, 2]) {
      const offsets = seen.filter((s) => s.partition === partition).map((s) => s.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
  });

  it('stores gzip batches compressed and delivers them decompressed', async () => {
    const p = await producer();
    const messages = Array.from({ length: 50 }, (_, i) => ({
      key: 'k',
      value: `compressible ${'x'.repeat(100)} ${i}`,
    }));
    await p.send({ topic: 'gzipped', compression: CompressionTypes.GZIP, messages });
    const batches = broker.batches('gzipped');
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((b) => b.compression === 'gzip')).toBe(true);
    expect((await broker.peek('gzipped')).map((r) => String(r.value)).sort()).toEqual(
      messages.map((m) => m.value).sort(),
    );
    const seen = await consumeAll('gzipped', 'gzip-readers');
    await waitUntil(() => seen.length >= 50, 'all gzip messages consumed');
    expect(seen.map((s) => String(s.message.value)).sort()).toEqual(messages.map((m) => m.value).sort());
  });

  it('takes 300 pipelined idempotent sends, each stored once under a producer id', async () => {
    const p = await producer({ idempotent: true, maxInFlightRequests: 1 });
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        p.send({ topic: 'idempotent', messages: [{ key: `k${i % 5}`, value: `m${i}` }] }),
      ),
    );
    const stored = (await broker.peek('idempotent')).map((r) => String(r.value));
    expect(stored.sort()).toEqual(Array.from({ length: 300 }, (_, i) => `m${i}`).sort());
    expect(broker.batches('idempotent').every((b) => b.producerId >= 1000)).toBe(true);
  });

  it('does not duplicate an idempotent batch that kafkajs retries after losing the answer', async () => {
    const p = await producer({ idempotent: true, maxInFlightRequests: 1 });
    await p.send({ topic: 'retried', messages: [{ key: 'a', value: 'before' }] });
    broker.faults.dropNext('Produce', 1, { afterHandling: true });
    await p.send({
      topic: 'retried',
      messages: [{ key: 'a', value: 'applied, then the connection dropped' }],
    });
    await p.send({ topic: 'retried', messages: [{ key: 'a', value: 'after' }] });
    expect(broker.faults.pending()).toBe(0);
    const stored = (await broker.peek('retried')).map((r) => String(r.value));
    expect(stored).toEqual(['before', 'applied, then the connection dropped', 'after']);
    // The batch really was appended before the drop, and the retry was answered from the cache.
    expect(brokerLog.map((l) => l.message)).toContain('injected fault: dropping the connection');
    expect(brokerLog.filter((l) => l.message === 'retried batch acknowledged without appending')).toEqual([
      {
        message: 'retried batch acknowledged without appending',
        fields: expect.objectContaining({ baseOffset: 1 }),
      },
    ]);
  });

  it('rejects a batch over 1 MiB with MESSAGE_TOO_LARGE, without retrying it forever', async () => {
    const p = await producer();
    const tooBig = p.send({ topic: 'limits', messages: [{ value: Buffer.alloc(1_100_000, 1) }] });
    await expect(tooBig).rejects.toMatchObject({ type: 'MESSAGE_TOO_LARGE' });
    expect(broker.batches('limits')).toEqual([]);
  });

  it('delivers a message larger than the consumer’s per-partition fetch size, whole', async () => {
    const p = await producer();
    const big = Buffer.alloc(600_000, 7);
    // Two sends: two batches in one partition, the first far above maxBytesPerPartition.
    await p.send({ topic: 'big', messages: [{ key: 'big', value: big, partition: 0 }] });
    await p.send({ topic: 'big', messages: [{ key: 'small', value: 'after it', partition: 0 }] });
    const seen = await consumeAll('big', 'big-readers', { maxBytesPerPartition: 1024 });
    await waitUntil(() => seen.length >= 2, 'the big message and the next one');
    expect(seen.map((s) => s.offset)).toEqual([0, 1]);
    expect(seen[0]?.message.value?.equals(big)).toBe(true);
    expect(String(seen[1]?.message.value)).toBe('after it');
  });
});
