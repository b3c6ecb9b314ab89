import { afterEach, describe, expect, it } from 'vitest';
import { rawMessage, readingMessage } from '../../test/support/raw-messages.ts';
import { createTestStore, type TestStore } from '../../test/support/test-store.ts';
import { createLogger } from '../log/logger.ts';
import { parseFleetStats } from '../store/fleet-stats.ts';
import { createArrayInput } from './array-input.ts';
import { createBatchHandler } from './batch-handler.ts';
import { type ChunkOutcome, createChunkProcessor } from './chunk-processor.ts';
import { createMemoryDlqSink } from './dlq-sink.ts';
import type { InputBatch, RawMessage } from './input.ts';
import { createProcessorMetrics } from './processor-metrics.ts';
import { createRuleDetector } from './rule-detector.ts';
import { createSeqFilter } from './seq-filter.ts';

const stores: TestStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.cleanup()));
});

async function processorFor() {
  const s = await createTestStore();
  stores.push(s);
  const dlq = createMemoryDlqSink();
  const processChunk = createChunkProcessor({
    detector: createRuleDetector(),
    writer: s.writer(),
    dlq,
    seqFilter: createSeqFilter(),
    metrics: createProcessorMetrics(),
    log: createLogger('test'),
  });
  return { s, dlq, processChunk };
}

describe('the batch handler', () => {
  it('processes a batch chunk by chunk and acknowledges each chunk after it is stored', async () => {
    const { s, processChunk } = await processorFor();
    const events: string[] = [];
    const handler = createBatchHandler(
      async (messages, isActive) => {
        events.push(`process ${messages.length}`);
        return processChunk(messages, isActive);
      },
      { chunkSize: 3 },
    );
    const messages = Array.from({ length: 7 }, (_, i) => readingMessage({ seq: i + 1 }, 0, i));
    const batch: InputBatch = {
      topic: 'sensor-data',
      partition: 0,
      messages,
      isActive: () => true,
      async ack(count) {
        const stored = await s.redis.hget(s.options.keys.sensor('sensor_001'), 'seq');
        events.push(`ack ${count} (stored seq ${stored})`);
      },
    };
    await handler(batch);
    expect(events).toEqual([
      'process 3',
      'ack 3 (stored seq 3)',
      'process 3',
      'ack 6 (stored seq 6)',
      'process 1',
      'ack 7 (stored seq 7)',
    ]);
  });

  it('stops at the next chunk once the input says the batch is no longer ours', async () => {
    const { processChunk } = await processorFor();
    let active = true;
    const acks: number[] = [];
    const handler = createBatchHandler(processChunk, {
      chunkSize: 2,
      onChunk: () => {
        active = false; // the partition was revoked while the first chunk ran
      },
    });
    await handler({
      topic: 'sensor-data',
      partition: 0,
      messages: Array.from({ length: 6 }, (_, i) => readingMessage({ seq: i + 1 }, 0, i)),
      isActive: () => active,
      ack: async (count) => {
        acks.push(count);
      },
    });
    expect(acks).toEqual([2]);
  });
});

describe('the pipeline over an input of several partitions', () => {
  it('stores every valid reading once, dead-letters the rest, and acknowledges every message', async () => {
    const { s, dlq, processChunk } = await processorFor();
    const messages: RawMessage[] = [];
    for (let partition = 0; partition < 3; partition++) {
      for (let i = 0; i < 40; i++) {
        const sensor = `p${partition}-s${i % 5}`;
        const bad = i % 13 === 7;
        messages.push(
          bad
            ? rawMessage('{"sensor_id":', partition, i, sensor)
            : readingMessage({ sensor_id: sensor, seq: i + 1 }, partition, i),
        );
      }
    }
    const outcomes: ChunkOutcome[] = [];
    const input = createArrayInput(messages, { batchSize: 16, concurrency: 2 });
    await input.run(createBatchHandler(processChunk, { chunkSize: 5, onChunk: (o) => outcomes.push(o) }));
    const rejected = messages.filter((_, i) => (i % 40) % 13 === 7).length;
    expect(dlq.records).toHaveLength(rejected);
    expect(dlq.records.every(({ record }) => record.reason === 'invalid_json')).toBe(true);
    expect([...input.acked()].sort()).toEqual([
      [0, 40],
      [1, 40],
      [2, 40],
    ]);
    expect(outcomes.reduce((n, o) => n + o.messages, 0)).toBe(120);
    const stats = parseFleetStats(await s.redis.hgetall(s.options.keys.stats));
    expect(stats).toMatchObject({ readings: 120 - rejected, sensors: 15 });
    expect(await s.redis.hget(s.options.keys.sensor('p2-s4'), 'seq')).toBe('40');
  });
});
