/**
 * The fault-injection hook with the real kafkajs client: retriable errors are retried and succeed,
 * non-retriable ones surface, dropped connections are re-established, and a rebalance forced
 * through a heartbeat error is survived. This is what other parts of the project use to test their
 * own retry paths.
 */
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastConsumer, TEST_BROKER_OPTIONS, testKafka } from '../../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../../test/support/broker/wait-until.ts';
import { type RunningBroker, startBroker } from '../start-broker.ts';

const NOT_LEADER_OR_FOLLOWER = 6;

let broker: RunningBroker;
let kafka: Kafka;
let producer: Producer;
const consumers: Consumer[] = [];

beforeAll(async () => {
  broker = await startBroker(TEST_BROKER_OPTIONS);
  kafka = testKafka(broker, 'fault-test');
  producer = kafka.producer();
  await producer.connect();
});

afterAll(async () => {
  await Promise.all(consumers.map((c) => c.disconnect()));
  await producer.disconnect();
  await broker.close();
});

async function consume(topic: string, groupId: string): Promise<string[]> {
  const values: string[] = [];
  const consumer = kafka.consumer(fastConsumer(groupId));
  consumers.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void values.push(String(message.value)) });
  return values;
}

describe('injected faults against kafkajs', () => {
  it('retries a produce that failed with a retriable error, storing the batch once', async () => {
    await producer.send({ topic: 'flaky', messages: [{ value: 'warm-up' }] });
    broker.faults.failNext('Produce', NOT_LEADER_OR_FOLLOWER, 2);
    await producer.send({ topic: 'flaky', messages: [{ value: 'eventually' }] });
    expect(broker.faults.pending('Produce')).toBe(0);
    expect((await broker.peek('flaky')).map((r) => String(r.value))).toEqual(['warm-up', 'eventually']);
  });

  it('surfaces a non-retriable error to the caller, storing nothing', async () => {
    broker.faults.failNext('Produce', 10);
    await expect(producer.send({ topic: 'flaky', messages: [{ value: 'refused' }] })).rejects.toMatchObject({
      type: 'MESSAGE_TOO_LARGE',
    });
    expect((await broker.peek('flaky')).map((r) => String(r.value))).not.toContain('refused');
  });

  it('lets a consumer recover from a dropped fetch connection and a forced rebalance', async () => {
    await producer.send({ topic: 'steady', messages: [{ value: 'one' }] });
    const values = await consume('steady', 'steady-readers');
    await waitUntil(() => values.includes('one'), 'the first message');
    const generation = broker.group('steady-readers')?.generation ?? 0;

    broker.faults.dropNext('Fetch');
    await waitUntil(() => broker.faults.pending('Fetch') === 0, 'the drop to be used');
    await producer.send({ topic: 'steady', messages: [{ value: 'two' }] });
    await waitUntil(() => values.includes('two'), 'a message after the dropped fetch');

    broker.faults.failNext('Heartbeat', 27);
    await waitUntil(
      () => (broker.group('steady-readers')?.generation ?? 0) > generation,
      'a forced rebalance',
    );
    await waitUntil(() => broker.group('steady-readers')?.state === 'Stable', 'the group to settle');
    await producer.send({ topic: 'steady', messages: [{ value: 'three' }] });
    await waitUntil(() => values.includes('three'), 'a message after the rebalance');
    expect(values.filter((v) => v === 'three')).toHaveLength(1);
  });

  it('counts and clears queued faults', () => {
    broker.faults.failNext('Metadata', 3, 2);
    broker.faults.dropNext(1);
    expect(broker.faults.pending('Metadata')).toBe(2);
    expect(broker.faults.pending()).toBe(3);
    broker.faults.clear();
    expect(broker.faults.pending()).toBe(0);
    expect(() => broker.faults.failNext('Fetch', 1, 0)).toThrow(RangeError);
  });
});
