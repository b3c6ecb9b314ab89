/**
 * Debian's kcat 1.7.1 (librdkafka 2.0.2) against the broker: metadata, producing with every
 * codec librdkafka has, consuming to the end, a two-member group that resumes from its commits,
 * and messages crossing between kcat and kafkajs in both directions.
 */
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KcatProcess, runKcat } from '../../../../test/support/broker/kcat.ts';
import { fastConsumer, TEST_BROKER_OPTIONS, testKafka } from '../../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../../test/support/broker/wait-until.ts';
import { type RunningBroker, startBroker } from '../start-broker.ts';

let broker: RunningBroker;
let kafka: Kafka;
const members: KcatProcess[] = [];

beforeAll(async () => {
  broker = await startBroker({ ...TEST_BROKER_OPTIONS, defaultPartitions: 1 });
  kafka = testKafka(broker, 'kcat-test');
});

afterAll(async () => {
  await Promise.all(members.map((m) => m.stop('SIGKILL')));
  await broker.close();
});

const base = () => ['-b', broker.bootstrap];

/** Lines `key=value`, compressible so librdkafka really compresses them. */
function lines(prefix: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${prefix}-${i % 3}=${prefix} reading ${i} ${'abc'.repeat(30)}`,
  );
}

async function consumeToEnd(topic: string, format = '%k=%s\\n'): Promise<string[]> {
  const result = await runKcat([...base(), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', format]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.split('\n').filter((l) => l !== '');
}

describe('kcat against the broker', () => {
  it('lists the broker as controller and the topics with their partitions (-L)', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'listed', numPartitions: 3 }] });
    await admin.disconnect();
    const result = await runKcat([...base(), '-L']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`broker 0 at ${broker.bootstrap} (controller)`);
    expect(result.stdout).toMatch(/topic "listed" with 3 partitions:/);
    expect(result.stdout).toMatch(/partition 2, leader 0, replicas: 0, isrs: 0/);
  });

  for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
    it(`produces with -z ${codec} and reads everything back with -C -o beginning -e`, async () => {
      const topic = `kcat-${codec}`;
      const sent = lines(codec, 40);
      const produced = await runKcat(
        [...base(), '-P', '-t', topic, '-z', codec, '-K', '='],
        `${sent.join('\n')}\n`,
      );
      expect(produced.code, produced.stderr).toBe(0);
      const batches = broker.batches(topic);
      expect(batches.reduce((n, b) => n + b.recordCount, 0)).toBe(40);
      expect(new Set(batches.map((b) => b.compression))).toEqual(new Set([codec]));
      expect(await consumeToEnd(topic)).toEqual(sent);
    });
  }

  it('produces idempotently (InitProducerId, sequence checks)', async () => {
    const sent = lines('idem', 10);
    const produced = await runKcat(
      [...base(), '-P', '-t', 'kcat-idempotent', '-K', '=', '-X', 'enable.idempotence=true'],
      `${sent.join('\n')}\n`,
    );
    expect(produced.code, produced.stderr).toBe(0);
    expect(broker.batches('kcat-idempotent').every((b) => b.producerId >= 1000)).toBe(true);
    expect(await consumeToEnd('kcat-idempotent')).toEqual(sent);
  });

  it('reads what kafkajs wrote (gzip, headers), and kafkajs reads what kcat wrote', async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: 'from-kafkajs',
      compression: 1,
      messages: [
        { key: 'a', value: 'first', headers: { origin: 'kafkajs' } },
        { key: 'b', value: 'second', headers: { origin: 'kafkajs' } },
      ],
    });
    await producer.disconnect();
    expect(await consumeToEnd('from-kafkajs', '%k=%s %h\\n')).toEqual([
      'a=first origin=kafkajs',
      'b=second origin=kafkajs',
    ]);

    const sent = lines('to-kafkajs', 25);
    const produced = await runKcat(
      [...base(), '-P', '-t', 'from-kcat', '-z', 'gzip', '-K', '='],
      `${sent.join('\n')}\n`,
    );
    expect(produced.code, produced.stderr).toBe(0);
    const consumer = kafka.consumer(fastConsumer('kafkajs-reads-kcat'));
    const received: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'from-kcat', fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void received.push(`${message.key}=${message.value}`),
    });
    await waitUntil(() => received.length >= 25, 'kafkajs to read kcat’s 25 messages');
    await consumer.disconnect();
    expect(received).toEqual(sent);
  });

  it('runs a two-member -G group that splits the partitions and resumes from its commits', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'kcat-group', numPartitions: 2 }] });
    await admin.disconnect();
    const member = () =>
      new KcatProcess([
        ...base(),
        '-G',
        'kcat-readers',
        '-q',
        '-u',
        '-X',
        'auto.offset.reset=earliest',
        '-f',
        '%p:%o:%s\\n',
        'kcat-group',
      ]);
    const first = member();
    const second = member();
    members.push(first, second);
    await waitUntil(() => {
      const group = broker.group('kcat-readers');
      return group?.state === 'Stable' && group.members.length === 2;
    }, 'both kcat members in a Stable group');

    const producer = kafka.producer();
    await producer.connect();
    const send = (from: number, count: number) =>
      producer.send({
        topic: 'kcat-group',
        messages: Array.from({ length: count }, (_, i) => ({
          value: `m${from + i}`,
          partition: (from + i) % 2,
        })),
      });
    await send(0, 40);
    const seen = () => [...first.lines, ...second.lines].map((l) => l.split(':')[2]);
    await waitUntil(() => new Set(seen()).size === 40, 'the group to consume all 40', { timeoutMs: 40_000 });
    expect(first.lines.length).toBeGreaterThan(0);
    expect(second.lines.length).toBeGreaterThan(0);
    const partitionsOf = (p: KcatProcess) => new Set(p.lines.map((l) => l.split(':')[0]));
    expect([...partitionsOf(first), ...partitionsOf(second)].sort()).toEqual(['0', '1']);

    expect(await first.stop()).toBe(0);
    expect(await second.stop()).toBe(0);
    expect(broker.group('kcat-readers')).toMatchObject({
      state: 'Empty',
      offsets: { 'kcat-group': { 0: 20, 1: 20 } },
    });

    await send(40, 4);
    const resumed = member();
    members.push(resumed);
    await waitUntil(() => resumed.lines.length >= 4, 'the restarted member to read the new messages', {
      timeoutMs: 40_000,
    });
    expect(resumed.lines.map((l) => l.split(':')[2]).sort()).toEqual(['m40', 'm41', 'm42', 'm43']);
    await producer.disconnect();
    await resumed.stop();
  }, 90_000);
});
