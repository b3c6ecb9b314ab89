/**
 * Sends the processors' alerts as `critical_alert` bursts: notices go into the collector
 * (alert-burst.ts), and each burst it closes goes to every client with the current state of up to
 * five of its sensors (the first five it names), timed from the burst's first notice
 * (`alertNoticeToSendSeconds`). Those states are read as their alerts arrive, while the burst's
 * coalescing window is still open, so the wait on Redis (long while processors ingest: reads queue
 * behind their scripts) overlaps the window instead of following it.
 */
import type { SensorState } from '../../domain/sensor-state.ts';
import { createLogger } from '../../log/logger.ts';
import type { ApiServices } from '../api-services.ts';
import { type AlertBurst, alertsOfNotice, createAlertCollector } from './alert-burst.ts';

const SENSORS_PER_BURST = 5;

import type { FanOut } from './fan-out.ts';

const log = createLogger('api.ws');

export interface AlertSender {
  /** A processor notice from `ww:events` (anything without new alerts is ignored). */
  notice(raw: string): void;
  stop(): void;
}

export function createAlertSender<C>(
  s: ApiServices,
  coalesceMs: number,
  now: () => string,
  fanOut: FanOut<C>,
): AlertSender {
  /** The state reads of the open window's first sensors, by sensor id, in the order named. */
  let reads = new Map<string, Promise<SensorState | null>>();
  async function send(burst: AlertBurst, pending: Map<string, Promise<SensorState | null>>) {
    try {
      const states = await Promise.all(pending.values());
      const data = JSON.stringify({
        type: 'critical_alert',
        ts: now(),
        data: { count: burst.count, alerts: burst.alerts, sensors: states.filter((x) => x !== null) },
      });
      fanOut(data, 'critical_alert');
      s.metrics.alertNoticeToSendSeconds.observe((performance.now() - burst.firstAt) / 1000);
    } catch (error) {
      log.warn('critical alert not sent', { error, count: burst.count });
    }
  }
  const collector = createAlertCollector(coalesceMs, (burst) => {
    const pending = reads;
    reads = new Map();
    void send(burst, pending);
  });
  return {
    notice(raw) {
      const alerts = alertsOfNotice(raw);
      for (const { sensor_id } of alerts) {
        if (reads.size === SENSORS_PER_BURST || reads.has(sensor_id)) continue;
        const read = s.reader.getSensor(sensor_id);
        read.catch(() => undefined); // a failure is the burst's, when it goes out
        reads.set(sensor_id, read);
      }
      collector.add(alerts);
    },
    stop() {
      collector.stop();
      reads = new Map();
    },
  };
}
