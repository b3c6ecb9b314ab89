/**
 * A kafkajs consumer that keeps every message of some topics, in arrival order, for end-to-end
 * assertions. It subscribes only once the topics exist, so it never makes the broker auto-create
 * them (tests prove the application creates its own topics, with its own partition counts).
 */
import type { Consumer, Kafka } from 'kafkajs';
import { fastConsumer } from './test-kafka.ts';
import { waitUntil } from './wait-until.ts';

export interface CollectedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: Buffer | null;
  /** The record's timestamp (kafkajs stamps it when it encodes the batch), ms. */
  readonly timestamp: number;
}

export interface TopicCollector {
  /** Everything received so far, in arrival order (per partition: offset order). */
  readonly messages: CollectedMessage[];
  of(topic: string): CollectedMessage[];
  stop(): Promise<void>;
}

export async function collectTopics(
  kafka: Kafka,
  topics: readonly string[],
  groupId: string,
): Promise<TopicCollector> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitUntil(
      async () => {
        const existing = new Set(await admin.listTopics());
        return topics.every((t) => existing.has(t));
      },
      `topics ${topics.join(', ')} to exist`,
    );
  } finally {
    await admin.disconnect();
  }
  const messages: CollectedMessage[] = [];
  const consumer: Consumer = kafka.consumer(fastConsumer(groupId, { allowAutoTopicCreation: false }));
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      messages.push({
        topic,
        partition,
        offset: Number(message.offset),
        key: message.key === null ? null : message.key.toString(),
        value: message.value,
        timestamp: Number(message.timestamp),
      });
    },
  });
  return {
    messages,
    of: (topic) => messages.filter((m) => m.topic === topic),
    stop: () => consumer.disconnect(),
  };
}
