/**
 * kafkajs' admin client against the broker: topic creation (true, then false on a repeat),
 * deletion, topic offsets before and after retention, group offsets, resets, listGroups and
 * describeGroups; and a broker with auto-create off, where the app must create its topics.
 */
import type { Admin, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from '../../../../test/support/broker/raw-client.ts';
import { fastConsumer, TEST_BROKER_OPTIONS, testKafka } from '../../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../../test/support/broker/wait-until.ts';
import { type RunningBroker, startBroker } from '../start-broker.ts';

let broker: RunningBroker;
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  broker = await startBroker(TEST_BROKER_OPTIONS);
  kafka = testKafka(broker, 'admin-test');
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.disconnect();
  await broker.close();
});

/** A simple (generation -1) commit, as admin tools send it; quicker than kafkajs' setOffsets, which polls for 5 s. */
async function commitAsAdmin(
  groupId: string,
  topic: string,
  partition: number,
  offset: number,
): Promise<void> {
  const raw = await RawClient.connect(broker.port, 'admin-tool');
  try {
    const answer = await raw.request<{ responses: { partitions: { errorCode: number }[] }[] }>(
      'offsetCommit/v5',
      {
        groupId,
        groupGenerationId: -1,
        memberId: '',
        topics: [{ topic, partitions: [{ partition, offset: String(offset) }] }],
      },
    );
    expect(answer.responses[0]?.partitions[0]?.errorCode).toBe(0);
  } finally {
    await raw.close();
  }
}

async function produce(topic: string, count: number, partition = 0): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    const messages = Array.from({ length: count }, (_, i) => ({ value: `v${i}`, partition }));
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

describe('kafkajs admin on the broker', () => {
  it('creates a topic once (true), then reports it exists (false), and lists it', async () => {
    expect(await admin.createTopics({ topics: [{ topic: 'created', numPartitions: 4 }] })).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic: 'created', numPartitions: 4 }] })).toBe(false);
    expect(await admin.listTopics()).toContain('created');
    const metadata = await admin.fetchTopicMetadata({ topics: ['created'] });
    expect(metadata.topics[0]?.partitions.map((p) => [p.partitionId, p.leader]).sort()).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  it('refuses bad partition counts and replication factors', async () => {
    await expect(admin.createTopics({ topics: [{ topic: 'bad', numPartitions: 0 }] })).rejects.toThrow();
    await expect(
      admin.createTopics({ topics: [{ topic: 'bad', numPartitions: 1, replicationFactor: 3 }] }),
    ).rejects.toMatchObject({ errors: [expect.objectContaining({ type: 'INVALID_REPLICATION_FACTOR' })] });
    expect(await admin.listTopics()).not.toContain('bad');
  });

  it('reports high and low topic offsets, the low one moving with retention', async () => {
    await admin.createTopics({
      topics: [
        { topic: 'retained', numPartitions: 1, configEntries: [{ name: 'retention.bytes', value: '2000' }] },
      ],
    });
    await produce('retained', 5);
    expect(await admin.fetchTopicOffsets('retained')).toEqual([
      { partition: 0, offset: '5', high: '5', low: '0' },
    ]);
    for (let i = 0; i < 30; i++) await produce('retained', 5);
    const [offsets] = await admin.fetchTopicOffsets('retained');
    expect(offsets?.high).toBe('155');
    expect(Number(offsets?.low)).toBeGreaterThan(0);
    expect(Number(offsets?.low) % 5).toBe(0);
  });

  it('lets a consumer that starts below the log start reset instead of failing (OFFSET_OUT_OF_RANGE)', async () => {
    const low = Number((await admin.fetchTopicOffsets('retained'))[0]?.low);
    await commitAsAdmin('late-reader', 'retained', 0, 0);
    const consumer = kafka.consumer(fastConsumer('late-reader'));
    const offsets: number[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'retained', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void offsets.push(Number(message.offset)) });
    await waitUntil(() => offsets.includes(154), 'the last retained message');
    await consumer.disconnect();
    expect(offsets[0]).toBe(low);
  });

  it('reads back committed group offsets, resets them, lists and describes groups', async () => {
    await admin.createTopics({ topics: [{ topic: 'committed', numPartitions: 2 }] });
    await produce('committed', 10, 0);
    await produce('committed', 4, 1);
    const consumer = kafka.consumer(fastConsumer('committers'));
    let count = 0;
    await consumer.connect();
    await consumer.subscribe({ topic: 'committed', fromBeginning: true });
    await consumer.run({ autoCommitInterval: 100, eachMessage: async () => void count++ });
    await waitUntil(async () => {
      const [topic] = await admin.fetchOffsets({ groupId: 'committers', topics: ['committed'] });
      return topic?.partitions.every((p) => p.offset === (p.partition === 0 ? '10' : '4'));
    }, 'offsets 10 and 4 committed');
    expect(count).toBe(14);

    const described = await admin.describeGroups(['committers', 'nobody']);
    expect(described.groups.map((g) => [g.groupId, g.state, g.members.length])).toEqual([
      ['committers', 'Stable', 1],
      ['nobody', 'Dead', 0],
    ]);
    expect((await admin.listGroups()).groups).toContainEqual({
      groupId: 'committers',
      protocolType: 'consumer',
    });

    await consumer.disconnect();
    expect((await admin.describeGroups(['committers'])).groups[0]?.state).toBe('Empty');
    await admin.resetOffsets({ groupId: 'committers', topic: 'committed', earliest: true });
    const [reset] = await admin.fetchOffsets({ groupId: 'committers', topics: ['committed'] });
    expect(reset?.partitions.map((p) => p.offset).sort()).toEqual(['-2', '-2']);
  });

  it('deletes topics, forgetting their committed offsets', async () => {
    await admin.createTopics({ topics: [{ topic: 'doomed', numPartitions: 1 }] });
    await commitAsAdmin('doomed-group', 'doomed', 0, 0);
    expect(broker.group('doomed-group')?.offsets).toEqual({ doomed: { 0: 0 } });
    await admin.deleteTopics({ topics: ['doomed'] });
    expect(await admin.listTopics()).not.toContain('doomed');
    expect(broker.group('doomed-group')?.offsets).toEqual({});
    // UNKNOWN_TOPIC_OR_PARTITION is retriable to kafkajs: one retry keeps this quick.
    const impatient = kafka.admin({ retry: { retries: 1, initialRetryTime: 50 } });
    await impatient.connect();
    await expect(impatient.deleteTopics({ topics: ['doomed'] })).rejects.toThrow();
    await impatient.disconnect();
  });
});

describe('a broker with topic auto-creation off', () => {
  it('refuses to produce to a missing topic until the app creates it', async () => {
    const strict = await startBroker({ ...TEST_BROKER_OPTIONS, autoCreateTopics: false });
    const client = testKafka(strict, 'strict-test');
    const strictAdmin = client.admin();
    const producer = client.producer({ retry: { retries: 1, initialRetryTime: 50 } });
    try {
      await strictAdmin.connect();
      await producer.connect();
      await expect(producer.send({ topic: 'not-yet', messages: [{ value: 'x' }] })).rejects.toThrow();
      expect(await strictAdmin.listTopics()).not.toContain('not-yet');
      await strictAdmin.createTopics({ topics: [{ topic: 'not-yet', numPartitions: 1 }] });
      await producer.send({ topic: 'not-yet', messages: [{ value: 'now' }] });
      expect((await strict.peek('not-yet')).map((r) => String(r.value))).toEqual(['now']);
    } finally {
      await producer.disconnect();
      await strictAdmin.disconnect();
      await strict.close();
    }
  });
});
