/**
 * Handles `producer-heartbeat` messages: decodes each and stores it (retrying Redis outages like the
 * readings path). An invalid heartbeat is logged and counted, not dead-lettered: it carries no data
 * to recover, and the producer's next heartbeat comes two seconds later.
 */
import { decodeHeartbeat } from '../domain/heartbeat.ts';
import type { Logger } from '../log/logger.ts';
import type { HeartbeatStore } from '../store/heartbeat-store.ts';
import type { RawMessage } from './input.ts';
import type { ProcessorMetrics } from './processor-metrics.ts';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions, withRetry } from './with-retry.ts';

export interface HeartbeatHandlerParts {
  readonly store: HeartbeatStore;
  readonly metrics: ProcessorMetrics;
  readonly log: Logger;
  readonly retry?: RetryOptions;
  readonly now?: () => Date;
}

/** Returns a function that stores the heartbeats among `messages`. */
export function createHeartbeatHandler(parts: HeartbeatHandlerParts) {
  const now = parts.now ?? (() => new Date());
  return async (messages: readonly RawMessage[], isActive?: () => boolean): Promise<void> => {
    for (const message of messages) {
      const decoded = decodeHeartbeat(message.value);
      if (!decoded.ok) {
        parts.metrics.heartbeats.inc({ outcome: 'rejected' });
        parts.log.warn('invalid heartbeat ignored', {
          reason: decoded.reason,
          detail: decoded.message,
          partition: message.partition,
          offset: message.offset,
        });
        continue;
      }
      const stored = await withRetry(
        () => parts.store.put(decoded.value, now()),
        {
          log: parts.log,
          what: 'store heartbeat',
          isActive,
          onRetry: () => parts.metrics.retries.inc({ stage: 'heartbeat' }),
        },
        parts.retry ?? DEFAULT_RETRY_OPTIONS,
      );
      parts.metrics.heartbeats.inc({ outcome: stored ? 'stored' : 'older' });
    }
  };
}
