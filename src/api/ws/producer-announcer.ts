/**
 * Turns producer heartbeat polls into WebSocket messages: every poll of the monitor (producer-
 * monitor.ts) that finds transitions sends one `producer_connected` / `producer_disconnected` per
 * transition to every client, with the producer summary as of that poll.
 */
import { createLogger } from '../../log/logger.ts';
import type { ServerMessage } from '../contract/ws-messages.ts';
import type { FanOut } from './fan-out.ts';
import type { ProducerMonitor } from './producer-monitor.ts';

const log = createLogger('api.ws');

/** A poll that announces what changed; never rejects (a failed poll is logged and retried next time). */
export function createProducerAnnouncer<C>(
  monitor: ProducerMonitor,
  now: () => string,
  fanOut: FanOut<C>,
): () => Promise<void> {
  return async () => {
    try {
      const transitions = await monitor.poll();
      const status = monitor.current();
      if (!status) return;
      for (const t of transitions) {
        const type: ServerMessage['type'] = t.connected ? 'producer_connected' : 'producer_disconnected';
        const message = t.connected
          ? `Producer ${t.producer_id} is sending heartbeats`
          : `Producer ${t.producer_id} stopped sending heartbeats`;
        const data = JSON.stringify({
          type,
          ts: now(),
          producer_id: t.producer_id,
          message,
          producer_status: status,
        });
        fanOut(data, type);
      }
    } catch (error) {
      log.warn('producer poll failed', { error });
    }
  };
}
