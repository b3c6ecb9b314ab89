/**
 * Sends the processors' alerts as `critical_alert` bursts: notices go into the collector
 * (alert-burst.ts), and each burst it closes goes to every client with the current state of up to
 * five of its sensors, timed from the burst's first notice (`alertNoticeToSendSeconds`).
 */
import { createLogger } from '../../log/logger.ts';
import type { ApiServices } from '../api-services.ts';
import { type AlertBurst, alertsOfNotice, createAlertCollector } from './alert-burst.ts';
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
  async function send(burst: AlertBurst) {
    try {
      const ids = [...new Set(burst.alerts.map((a) => a.sensor_id))].slice(0, 5);
      const states = await Promise.all(ids.map((id) => s.reader.getSensor(id)));
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
  const collector = createAlertCollector(coalesceMs, (burst) => void send(burst));
  return {
    notice: (raw) => collector.add(alertsOfNotice(raw)),
    stop: () => collector.stop(),
  };
}
