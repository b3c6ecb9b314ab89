/**
 * The parts `wattwatch all` started, stopped in reverse order: what started later depends on what
 * started earlier (the simulator on the broker, the processor on Redis), so it goes first.
 */
import type { Logger } from '../../log/logger.ts';

export interface StopStack {
  /** Remembers how to stop a part that has just started. */
  push(name: string, stop: () => Promise<unknown>): void;
  /** Stops every part, newest first; a part that fails to stop is logged and the rest still stop. */
  stopAll(): Promise<void>;
}

export function createStopStack(log: Logger): StopStack {
  const parts: { name: string; stop: () => Promise<unknown> }[] = [];
  return {
    push(name, stop) {
      parts.push({ name, stop });
    },
    async stopAll() {
      for (const part of parts.splice(0).reverse()) {
        try {
          await part.stop();
          log.debug('stopped', { part: part.name });
        } catch (error) {
          log.warn('a part did not stop cleanly', { part: part.name, error });
        }
      }
    },
  };
}
