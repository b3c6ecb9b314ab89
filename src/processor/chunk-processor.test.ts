import { afterEach, describe, expect, it } from 'vitest';
import { rawMessage, readingMessage } from '../../test/support/raw-messages.ts';
import { sampleReading } from '../../test/support/sample-readings.ts';
import { createTestStore, type TestStore } from '../../test/support/test-store.ts';
import { createLogger } from '../log/logger.ts';
import { parseFleetStats } from '../store/fleet-stats.ts';
import { createChunkProcessor } from './chunk-processor.ts';
import { createMemoryDlqSink } from './dlq-sink.ts';
import { createProcessorMetrics } from './processor-metrics.ts';
import { createRuleDetector } from './rule-detector.ts';
import { createSeqFilter } from './seq-filter.ts';

const stores: TestStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.cleanup()));
});

async function setup() {
  const s = await createTestStore();
  stores.push(s);
  const dlq = createMemoryDlqSink();
  const metrics = createProcessorMetrics();
  const process = createChunkProcessor({
    detector: createRuleDetector(),
    writer: s.writer(),
    dlq,
    seqFilter: createSeqFilter(),
    metrics,
    log: createLogger('test'),
    now: s.clock.now,
  });
  return { s, dlq, metrics, process };
}

describe('the chunk processor', () => {
  it('dead-letters malformed messages with reason, partition and offset, and stores the valid ones around them', async () => {
    const { s, dlq, process } = await setup();
    const nan = JSON.stringify(sampleReading({ seq: 3 })).replace('"temperature":40', '"temperature":NaN');
    const missing = JSON.stringify({ ...sampleReading({ seq: 4 }), seq: undefined });
    const wrongType = JSON.stringify({ ...sampleReading({ seq: 5 }), voltage: 'high' });
    const huge = JSON.stringify({ ...sampleReading({ seq: 6 }), producer_host: 'x'.repeat(1024 * 1024) });
    const messages = [
      readingMessage({ seq: 1 }, 2, 100),
      rawMessage(Buffer.from([0xff, 0x00, 0x13, 0x37]), 2, 101, 'sensor_001'),
      rawMessage(nan, 2, 102),
      rawMessage(missing, 2, 103),
      rawMessage(wrongType, 2, 104),
      rawMessage(huge, 2, 105),
      rawMessage(null, 2, 106),
      readingMessage({ seq: 7 }, 2, 107),
    ];
    const outcome = await process(messages);
    expect(outcome).toMatchObject({ messages: 8, rejected: 6, duplicates: 0 });
    expect(outcome.stored?.applied).toBe(2);
    expect(dlq.records.map(({ record }) => [record.reason, record.partition, record.offset])).toEqual([
      ['invalid_json', 2, '101'],
      ['invalid_json', 2, '102'],
      ['missing_field', 2, '103'],
      ['wrong_type', 2, '104'],
      ['too_large', 2, '105'],
      ['empty', 2, '106'],
    ]);
    const first = dlq.records[0];
    expect(first?.key?.toString()).toBe('sensor_001');
    expect(Buffer.from(first?.record.raw ?? '', 'base64')).toEqual(Buffer.from([0xff, 0x00, 0x13, 0x37]));
    expect(first?.record).toMatchObject({ topic: 'sensor-data', rejected_at: s.clock.now().toISOString() });
    expect(await s.redis.hget(s.options.keys.sensor('sensor_001'), 'seq')).toBe('7');
    expect(parseFleetStats(await s.redis.hgetall(s.options.keys.stats)).readings).toBe(2);
  });

  it('keeps repeated readings away from the detector and counts every outcome', async () => {
    const { process, metrics } = await setup();
    await process([readingMessage({ seq: 1 }), readingMessage({ seq: 2 }), readingMessage({ seq: 2 })]);
    const replay = await process([readingMessage({ seq: 1 }), readingMessage({ seq: 2 }), rawMessage('{}')]);
    expect(replay).toMatchObject({ duplicates: 2, rejected: 1, stored: null });
    const text = await metrics.registry.metrics();
    expect(text).toContain('wattwatch_processor_readings_total{outcome="applied"} 2');
    expect(text).toContain('wattwatch_processor_readings_total{outcome="duplicate"} 3');
    expect(text).toContain('wattwatch_processor_readings_total{outcome="rejected"} 1');
    expect(text).toContain('wattwatch_processor_rejects_total{reason="missing_field"} 1');
    expect(text).toContain('wattwatch_processor_chunk_seconds_count 2');
    expect(text).toContain('wattwatch_fleet_sensors{status="normal"} 1');
  });

  it('hands readings that turned critical to the alert output', async () => {
    const s = await createTestStore();
    stores.push(s);
    const alerted: string[] = [];
    const process = createChunkProcessor({
      detector: createRuleDetector(),
      writer: s.writer(),
      dlq: createMemoryDlqSink(),
      seqFilter: createSeqFilter(),
      metrics: createProcessorMetrics(),
      log: createLogger('test'),
      onAlerts: async (items) => {
        alerted.push(...items.map((i) => `${i.reading.sensor_id}@${i.reading.seq}`));
      },
    });
    await process([readingMessage({ seq: 1, vibration: 8 }), readingMessage({ seq: 2, vibration: 9 })]);
    await process([readingMessage({ seq: 3, vibration: 2 }), readingMessage({ seq: 4, vibration: 8 })]);
    expect(alerted).toEqual(['sensor_001@1', 'sensor_001@4']);
  });
});
