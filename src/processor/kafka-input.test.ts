/**
 * The Kafka input against the dev broker: what it tells the backlog tracker (and so the offline
 * sweep) about how old the data it is working through is, from the records' own timestamps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BROKER_OPTIONS, testKafka } from '../../test/support/broker/test-kafka.ts';
import { memoryLogger } from '../../test/support/memory-sink.ts';
import { type RunningBroker, startBroker } from '../kafka/broker/start-broker.ts';
import { createBacklogTracker } from './backlog-tracker.ts';
import { createKafkaInput } from './kafka-input.ts';
import { createProcessorMetrics } from './processor-metrics.ts';

let broker: RunningBroker;
beforeAll(async () => {
  broker = await startBroker(TEST_BROKER_OPTIONS);
});
afterAll(async () => {
  await broker?.close();
});

describe('the Kafka input', () => {
  it('reports the age of a backlog while it works through it, and none once caught up', async () => {
    const kafka = testKafka(broker, 'backlog-test');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'old-data', numPartitions: 1 }] });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    const sentAt = Date.now() - 40_000; // sent 40 s ago, not yet processed
    await producer.send({
      topic: 'old-data',
      messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}`, timestamp: String(sentAt + i) })),
    });
    await producer.disconnect();

    const backlog = createBacklogTracker();
    const input = createKafkaInput(
      kafka,
      {
        groupId: 'backlog-group',
        topics: ['old-data'],
        concurrency: 1,
        sessionTimeoutMs: 6000,
        maxWaitTimeInMs: 100,
        commitIntervalMs: 100,
      },
      { log: memoryLogger().log, metrics: createProcessorMetrics(), backlog },
    );
    const seen: number[] = [];
    const stop = new AbortController();
    const running = input.run(async (batch) => {
      expect(batch.messages).toHaveLength(10);
      await batch.ack(4); // half-way through the backlog: its age is that of message 4
      seen.push(backlog.lagMs());
      await batch.ack(10); // caught up
      seen.push(backlog.lagMs());
      stop.abort();
    }, stop.signal);
    await running;
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeGreaterThanOrEqual(40_000 - 3);
    expect(seen[0]).toBeLessThanOrEqual(Date.now() - (sentAt + 3));
    expect(seen[1]).toBe(0);
  }, 30_000);
});
