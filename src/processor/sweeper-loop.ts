/**
 * Runs the offline sweep every `intervalMs` (timer-driven, never overlapping itself). A failed sweep
 * is logged and counted and the next one simply tries again: the sweep is idempotent.
 */
import type { Logger } from '../log/logger.ts';
import type { OfflineSweeper } from '../store/offline-sweeper.ts';
import type { ProcessorMetrics } from './processor-metrics.ts';

export interface SweeperLoop {
  start(): void;
  /** Stops the timer and waits for a running sweep to finish. */
  stop(): Promise<void>;
}

/** A loop around `sweeper`. */
export function createSweeperLoop(
  sweeper: OfflineSweeper,
  parts: {
    readonly intervalMs: number;
    readonly metrics: ProcessorMetrics;
    readonly log: Logger;
    /** This processor's consumer backlog age (ms), reported with every sweep. */
    readonly backlogMs?: () => number;
  },
): SweeperLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = true;
  const tick = () => {
    running = (async () => {
      try {
        const result = await sweeper.sweep(parts.backlogMs?.() ?? 0);
        parts.metrics.sweeps.inc({ outcome: result.ran ? 'ran' : 'skipped' });
        if (result.markedOffline > 0) parts.metrics.markedOffline.inc(result.markedOffline);
        if (result.expired > 0) parts.metrics.expired.inc(result.expired);
        parts.metrics.backlogSeconds.set(result.backlogMs / 1000);
        if (result.markedOffline > 0 || result.expired > 0) parts.log.info('sweep', { ...result });
      } catch (error) {
        parts.metrics.sweeps.inc({ outcome: 'failed' });
        parts.log.warn('offline sweep failed; trying again next interval', { error });
      }
      if (!stopped) timer = setTimeout(tick, parts.intervalMs);
    })();
  };
  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(tick, parts.intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
