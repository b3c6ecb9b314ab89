/**
 * Acceptance: a 3-member kafkajs consumer group with staggered joins, a member process killed with
 * SIGKILL (evicted only after its session timeout, as Kafka does) and a graceful leave. Every
 * message must be consumed and the committed offsets must cover what was consumed, without gaps.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastConsumer, TEST_BROKER_OPTIONS, testKafka } from '../../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../../test/support/broker/wait-until.ts';
import type { BrokerLogFields } from '../broker-logger.ts';
import { type RunningBroker, startBroker } from '../start-broker.ts';

const TOPIC = 'readings';
const GROUP = 'processors';
const PARTITIONS = 6;
const PER_ROUND = 120;

interface Consumed {
  readonly by: string;
  readonly partition: number;
  readonly offset: number;
  readonly value: string;
}

let broker: RunningBroker;
let kafka: Kafka;
let admin: Admin;
let producer: Producer;
const consumers = new Map<string, Consumer>();
let child: ChildProcess | undefined;
const consumed: Consumed[] = [];
const removals: BrokerLogFields[] = [];
let sent = 0;

async function produceRound(): Promise<void> {
  const messages = Array.from({ length: PER_ROUND }, () => {
    sent += 1;
    return { key: `sensor-${sent % 37}`, value: `reading-${sent}` };
  });
  await producer.send({ topic: TOPIC, messages });
}

async function startMember(name: string): Promise<void> {
  const consumer = kafka.consumer(fastConsumer(GROUP));
  consumers.set(name, consumer);
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await consumer.run({
    autoCommitInterval: 100,
    eachMessage: async ({ partition, message }) => {
      consumed.push({ by: name, partition, offset: Number(message.offset), value: String(message.value) });
    },
  });
}

function startChildMember(): ChildProcess {
  const proc = fork(new URL('../../../../test/support/broker/consumer-process.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BOOTSTRAP: broker.bootstrap,
      GROUP,
      TOPIC,
      CLIENT_ID: 'member-c',
      SESSION_TIMEOUT: '3000',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  proc.on('message', (m: { type: string; partition: number; offset: number; value: string }) => {
    if (m.type === 'message')
      consumed.push({ by: 'member-c', partition: m.partition, offset: m.offset, value: m.value });
  });
  return proc;
}

async function groupIsStableWith(clientIds: string[]): Promise<boolean> {
  const group = broker.group(GROUP);
  const ids = group?.members.map((m) => m.clientId).sort();
  return group?.state === 'Stable' && JSON.stringify(ids) === JSON.stringify([...clientIds].sort());
}

beforeAll(async () => {
  broker = await startBroker({
    ...TEST_BROKER_OPTIONS,
    logger: {
      debug() {},
      info: (message, fields) => {
        if (message === 'member removed' && fields) removals.push(fields);
      },
      warn() {},
      error() {},
    },
  });
  kafka = testKafka(broker, 'group-test');
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS }] });
  producer = kafka.producer();
  await producer.connect();
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await Promise.all([...consumers.values()].map((c) => c.disconnect()));
  await producer.disconnect();
  await admin.disconnect();
  await broker.close();
});

describe('a kafkajs consumer group on the broker', () => {
  it('survives staggered joins, a SIGKILLed member and a graceful leave without losing a message', async () => {
    // Members differ by client id; kafkajs uses it as the member id prefix too.
    kafka = testKafka(broker, 'member-a');
    await produceRound();
    await startMember('member-a');
    await waitUntil(() => groupIsStableWith(['member-a']), 'member-a alone and Stable');

    kafka = testKafka(broker, 'member-b');
    await startMember('member-b');
    await waitUntil(() => groupIsStableWith(['member-a', 'member-b']), 'a and b Stable');
    await produceRound();

    child = startChildMember();
    await waitUntil(() => groupIsStableWith(['member-a', 'member-b', 'member-c']), 'a, b and c Stable');
    const described = (await admin.describeGroups([GROUP])).groups[0];
    expect(described).toMatchObject({ groupId: GROUP, state: 'Stable', protocolType: 'consumer' });
    expect(described?.protocol).toBe('RoundRobinAssigner');
    expect(described?.members.map((m) => m.clientId).sort()).toEqual(['member-a', 'member-b', 'member-c']);
    expect(
      described?.members.every((m) => m.clientHost === '/127.0.0.1' && m.memberAssignment.length > 0),
    ).toBe(true);
    const memberC = described?.members.find((m) => m.clientId === 'member-c')?.memberId;

    await produceRound();
    await waitUntil(() => consumed.some((c) => c.by === 'member-c'), 'member-c to consume something');
    child.kill('SIGKILL');
    await waitUntil(() => groupIsStableWith(['member-a', 'member-b']), 'member-c evicted, a and b Stable');
    expect(removals.filter((r) => r.member === memberC)).toEqual([
      expect.objectContaining({ reason: 'session timeout (3000 ms)' }),
    ]);
    await produceRound();

    const memberB = (await admin.describeGroups([GROUP])).groups[0]?.members.find(
      (m) => m.clientId === 'member-b',
    );
    await consumers.get('member-b')?.disconnect();
    consumers.delete('member-b');
    expect(removals.filter((r) => r.member === memberB?.memberId)).toEqual([
      expect.objectContaining({ reason: 'left the group' }),
    ]);
    await waitUntil(() => groupIsStableWith(['member-a']), 'member-a alone again');
    await produceRound();

    const all = Array.from({ length: sent }, (_, i) => `reading-${i + 1}`);
    await waitUntil(
      () => new Set(consumed.map((c) => c.value)).size === sent,
      `all ${sent} messages consumed`,
    );
    expect([...new Set(consumed.map((c) => c.value))].sort()).toEqual(all.sort());

    const ends = await admin.fetchTopicOffsets(TOPIC);
    const committed = await waitUntil(async () => {
      const [offsets] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
      const done = offsets?.partitions.every(
        (p) => p.offset === ends.find((e) => e.partition === p.partition)?.high,
      );
      return done ? offsets : undefined;
    }, 'commits to reach the end of every partition');
    expect(committed.partitions).toHaveLength(PARTITIONS);
    for (const { partition, offset } of committed.partitions) {
      const seen = new Set(consumed.filter((c) => c.partition === partition).map((c) => c.offset));
      const missing = Array.from({ length: Number(offset) }, (_, o) => o).filter((o) => !seen.has(o));
      expect(missing, `partition ${partition}: committed ${offset}`).toEqual([]);
    }
  }, 90_000);
});
