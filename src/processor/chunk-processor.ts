/**
 * One chunk through the pipeline: decode/validate → dead-letter the rejects → drop replays this
 * process already stored → detect → store. The two outputs (DLQ and Redis) are wrapped in retry, so
 * the chunk either completes or keeps trying; the caller acknowledges it only after this resolves.
 */
import type { Reading } from '../domain/reading.ts';
import type { Logger } from '../log/logger.ts';
import type { ChunkWriteResult, ChunkWriter } from '../store/chunk-writer.ts';
import type { ScoredReading } from '../store/sensor-hash.ts';
import { decodeMessages } from './decode-messages.ts';
import type { Detector } from './detector.ts';
import type { DlqSink } from './dlq-sink.ts';
import type { RawMessage } from './input.ts';
import type { ProcessorMetrics } from './processor-metrics.ts';
import type { SeqFilter } from './seq-filter.ts';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions, withRetry } from './with-retry.ts';

export interface ChunkProcessorParts {
  readonly detector: Detector;
  readonly writer: ChunkWriter;
  readonly dlq: DlqSink;
  readonly seqFilter: SeqFilter;
  readonly metrics: ProcessorMetrics;
  readonly log: Logger;
  readonly retry?: RetryOptions;
  readonly now?: () => Date;
  /** Called with the readings whose transition into critical this chunk recorded (sensor-alerts topic). */
  readonly onAlerts?: (readings: readonly ScoredReading[]) => Promise<void>;
}

export interface ChunkOutcome {
  readonly messages: number;
  readonly rejected: number;
  readonly duplicates: number;
  /** Null when no reading was left to store. */
  readonly stored: ChunkWriteResult | null;
  readonly seconds: number;
}

export type ChunkProcessor = (
  messages: readonly RawMessage[],
  isActive?: () => boolean,
) => Promise<ChunkOutcome>;

/** Composes the stages; the result processes one chunk at a time per partition. */
export function createChunkProcessor(parts: ChunkProcessorParts): ChunkProcessor {
  const now = parts.now ?? (() => new Date());
  const { metrics } = parts;
  return async (messages, isActive) => {
    // start the synchronous part (decode, detect, encode) in a macrotask of its own: replies for
    // several partitions can resolve in one I/O callback, and their chunks must not run back to back
    await yieldToEventLoop();
    const started = performance.now();
    const first = messages[0];
    const fields = first
      ? { partition: first.partition, offset: first.offset, messages: messages.length }
      : {};
    const decoded = decodeMessages(messages, now());
    if (decoded.rejects.length > 0) {
      await withRetry(
        () => parts.dlq.send(decoded.rejects),
        {
          log: parts.log,
          what: 'send DLQ records',
          isActive,
          fields,
          onRetry: () => metrics.retries.inc({ stage: 'dlq' }),
        },
        parts.retry ?? DEFAULT_RETRY_OPTIONS,
      );
      for (const { record } of decoded.rejects) metrics.rejects.inc({ reason: record.reason });
      metrics.readings.inc({ outcome: 'rejected' }, decoded.rejects.length);
    }
    const fresh: Reading[] = parts.seqFilter.fresh(decoded.readings);
    const duplicates = decoded.readings.length - fresh.length;
    if (duplicates > 0) metrics.readings.inc({ outcome: 'duplicate' }, duplicates);
    let stored: ChunkWriteResult | null = null;
    if (fresh.length > 0) {
      const assessments = parts.detector.assess(fresh);
      const items = fresh.map((reading, i) => ({
        reading,
        assessment: assessments[i] as ScoredReading['assessment'],
      }));
      stored = await withRetry(
        () => parts.writer.write(items),
        {
          log: parts.log,
          what: 'store chunk in Redis',
          isActive,
          fields,
          onRetry: () => metrics.retries.inc({ stage: 'redis' }),
        },
        parts.retry ?? DEFAULT_RETRY_OPTIONS,
      );
      parts.seqFilter.remember(fresh);
      record(metrics, stored);
      if (parts.onAlerts && stored.alerts.length > 0) {
        const alerted = new Set(stored.alerts.map((a) => `${a.sensor_id}@${a.seq}`));
        const readings = items.filter((item) => alerted.has(`${item.reading.sensor_id}@${item.reading.seq}`));
        const send = parts.onAlerts;
        // the alert events are in Redis now and a replay would not write them again: retry the
        // Kafka copy here until it is sent, before the chunk is acknowledged
        await withRetry(
          () => send(readings),
          {
            log: parts.log,
            what: 'send alerts to Kafka',
            isActive,
            fields,
            onRetry: () => metrics.retries.inc({ stage: 'alerts' }),
          },
          parts.retry ?? DEFAULT_RETRY_OPTIONS,
        );
      }
    }
    const seconds = (performance.now() - started) / 1000;
    metrics.chunkSeconds.observe(seconds);
    metrics.chunkReadings.observe(messages.length);
    return { messages: messages.length, rejected: decoded.rejects.length, duplicates, stored, seconds };
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function record(metrics: ProcessorMetrics, stored: ChunkWriteResult): void {
  metrics.readings.inc({ outcome: 'applied' }, stored.applied);
  if (stored.stale > 0) metrics.readings.inc({ outcome: 'stale' }, stored.stale);
  if (stored.alerts.length > 0) metrics.alerts.inc(stored.alerts.length);
  const { fleet } = stored;
  for (const status of ['normal', 'warning', 'critical', 'offline'] as const) {
    metrics.fleetSensors.set({ status }, fleet[status]);
  }
  metrics.fleetPowerKw.set(fleet.power_kw);
}
