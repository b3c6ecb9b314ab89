import { describe, expect, it } from 'vitest';
import { sampleReading, scored } from '../../test/support/sample-readings.ts';
import { configureLogging, createLogger } from '../log/logger.ts';
import { createChunkQualityCounter } from './quality-counter.ts';
import { createSeqFilter } from './seq-filter.ts';
import { RetryStoppedError, withRetry } from './with-retry.ts';

describe('the seq filter', () => {
  it('drops readings at or below the newest stored seq of their sensor, and in-chunk repeats', () => {
    const filter = createSeqFilter();
    const chunk = [
      sampleReading({ seq: 1 }),
      sampleReading({ seq: 2 }),
      sampleReading({ seq: 2 }),
      sampleReading({ seq: 1, sensor_id: 'b' }),
    ];
    const fresh = filter.fresh(chunk);
    expect(fresh.map((r) => `${r.sensor_id}@${r.seq}`)).toEqual(['sensor_001@1', 'sensor_001@2', 'b@1']);
    filter.remember(fresh);
    expect(
      filter
        .fresh([
          sampleReading({ seq: 2 }),
          sampleReading({ seq: 3 }),
          sampleReading({ seq: 1, sensor_id: 'b' }),
        ])
        .map((r) => r.seq),
    ).toEqual([3]);
  });
});

describe('the chunk quality counter', () => {
  it('counts tp/fn overall and by injected kind, fp/tn for clean readings, and episodes', () => {
    const count = createChunkQualityCounter();
    expect(
      count([
        scored({ injected: 'drift', seq: 1 }, 'warning'),
        scored({ injected: 'drift', seq: 2 }),
        scored({ injected: 'stuck', sensor_id: 'b' }),
        scored({ sensor_id: 'c' }, 'critical'),
        scored({ sensor_id: 'd' }),
        scored({ sensor_id: 'e' }),
      ]),
    ).toMatchObject({
      readings: 6,
      tp: 1,
      fn: 2,
      fp: 1,
      tn: 2,
      'tp:drift': 1,
      'fn:drift': 1,
      'fn:stuck': 1,
      'episodes:drift': 1,
      'episodes:stuck': 1,
      'detected:drift': 1,
    });
  });
});

describe('withRetry', () => {
  const fast = { initialDelayMs: 1, maxDelayMs: 2, factor: 2 };

  it('retries until the operation succeeds and logs each failure and the recovery', async () => {
    const lines: string[] = [];
    configureLogging({ format: 'json', level: 'info', write: (l) => lines.push(l) });
    let calls = 0;
    const retries: number[] = [];
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 4) throw new Error(`down ${calls}`);
        return 'ok';
      },
      { log: createLogger('t'), what: 'thing', onRetry: (attempt) => retries.push(attempt) },
      fast,
    );
    expect(result).toBe('ok');
    expect(retries).toEqual([1, 2, 3]);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual([
      'thing failed; retrying',
      'thing failed; retrying',
      'thing failed; retrying',
      'thing recovered',
    ]);
    expect(JSON.parse(lines[0] as string).error.message).toBe('down 1');
  });

  it('stops, without succeeding, once the work is no longer ours', async () => {
    configureLogging({ write: () => {} });
    let active = true;
    const attempt = withRetry(
      async () => {
        active = false;
        throw new Error('down');
      },
      { log: createLogger('t'), what: 'thing', isActive: () => active },
      fast,
    );
    await expect(attempt).rejects.toBeInstanceOf(RetryStoppedError);
  });
});
