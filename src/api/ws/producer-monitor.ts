/**
 * Watches producer heartbeats (the store's `connected`: the heartbeat hash lives three heartbeat
 * intervals) and reports each transition once. The first poll only sets the baseline, so a cold
 * start does not announce anything (the seed repeated "disconnected" every 3 s). Each serve instance
 * polls on its own; the state they read is in Redis, so all of them report the same transitions.
 */
import type { StoreReader } from '../../store/store-reader.ts';
import type { ProducerStatusSummary } from '../contract/ws-messages.ts';
import { summarizeProducers } from '../views/producer-status.ts';

export interface ProducerTransition {
  readonly producer_id: string;
  readonly connected: boolean;
}

export interface ProducerMonitor {
  /** Polls once; resolves with the transitions since the previous poll. */
  poll(): Promise<ProducerTransition[]>;
  /** Summary as of the last poll (null before the first). */
  current(): ProducerStatusSummary | null;
}

export function createProducerMonitor(reader: StoreReader, now: () => Date): ProducerMonitor {
  let known: Map<string, boolean> | null = null;
  let summary: ProducerStatusSummary | null = null;
  return {
    async poll() {
      const producers = await reader.listProducers();
      summary = summarizeProducers(producers, now());
      const next = new Map(producers.map((p) => [p.producer_id, p.connected]));
      const previous = known;
      known = next;
      if (previous === null) return [];
      const transitions: ProducerTransition[] = [];
      for (const [producer_id, connected] of next) {
        const before = previous.get(producer_id);
        if (before === undefined ? connected : before !== connected)
          transitions.push({ producer_id, connected });
      }
      return transitions;
    },
    current: () => summary,
  };
}
