/** Producer liveness as the API shows it: the seed's three fields plus every producer. */

import type { ProducerStatus } from '../../store/store-reader.ts';
import type { ProducerStatusSummary } from '../contract/ws-messages.ts';

/** Summary of `producers` (newest first, as the store lists them) at `now`. */
export function summarizeProducers(producers: readonly ProducerStatus[], now: Date): ProducerStatusSummary {
  const newest = producers.reduce<number | null>((max, p) => {
    const at = Date.parse(p.last_seen);
    return max === null || at > max ? at : max;
  }, null);
  return {
    is_active: producers.some((p) => p.connected),
    last_data_time: newest === null ? null : new Date(newest).toISOString(),
    time_since_last_data:
      newest === null ? null : Math.max(0, Math.round((now.getTime() - newest) / 100) / 10),
    producers: producers.map((p) => ({
      producer_id: p.producer_id,
      connected: p.connected,
      last_seen: p.last_seen,
      ...(p.host === undefined ? {} : { host: p.host }),
      ...(p.sensors === undefined ? {} : { sensors: p.sensors }),
      ...(p.rate_hz === undefined ? {} : { rate_hz: p.rate_hz }),
      ...(p.sent_total === undefined ? {} : { sent_total: p.sent_total }),
    })),
  };
}
