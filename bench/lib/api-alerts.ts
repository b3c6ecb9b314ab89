/**
 * Alert delivery for bench/api.ts: critical alerts made the way processors make them (the real chunk
 * writer storing a reading that turns a sensor critical, whose alerts script publishes the notice on
 * `ww:events`), a subscriber timing each notice where it arrives (as serve's own subscriber gets it:
 * Redis sends a PUBLISH to all subscribers at once), and the latency from that notice until clients
 * received the `critical_alert` burst that carries its alert first.
 *
 * One new sensor turns critical every `everyMs` (ids past the fleet's, so each is a new transition
 * whatever the ingest writers do); with ingest on, the writers' own alerts (sensors of the fleet
 * turning critical) are timed too.
 */
import { Redis } from 'ioredis';
import { createChunkWriter } from '../../src/store/chunk-writer.ts';
import { createFleetHistoryWriter } from '../../src/store/fleet-history-writer.ts';
import { DEFAULT_STORE_OPTIONS } from '../../src/store/store-options.ts';
import { apiBenchReading } from './api-fleet.ts';
import { quantile } from './latency-sampler.ts';

const wallNow = () => performance.timeOrigin + performance.now();

export interface AlertSource {
  /** Wall time (ms) each alert's notice arrived, by alert id. */
  readonly noticeAt: ReadonlyMap<string, number>;
  stop(): Promise<void>;
}

/** Starts the pulse and the notice subscriber; `firstIndex` is the first sensor index past the fleet. */
export async function startAlertSource(
  url: string,
  firstIndex: number,
  everyMs: number,
): Promise<AlertSource> {
  const store = DEFAULT_STORE_OPTIONS;
  const noticeAt = new Map<string, number>();
  const subscriber = new Redis(url);
  subscriber.on('error', () => undefined); // the bench's Redis stops at the end; nothing to report
  subscriber.on('message', (_channel, raw: string) => {
    const at = wallNow();
    const alerts = (JSON.parse(raw) as { alerts?: { id: string }[] }).alerts ?? [];
    for (const alert of alerts) noticeAt.set(alert.id, at);
  });
  await subscriber.subscribe(store.keys.events);
  const redis = new Redis(url);
  redis.on('error', () => undefined);
  const writer = createChunkWriter(redis, {
    store,
    fleetHistory: createFleetHistoryWriter(redis, store),
    source: 'bench-alerts',
  });
  let next = firstIndex;
  let writing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    const reading = apiBenchReading(next++, 0);
    const critical = {
      ...reading,
      assessment: {
        ...reading.assessment,
        status: 'critical' as const,
        is_anomaly: true,
        reasons: ['bench alert'],
      },
    };
    writing = writing.then(() => writer.write([critical])).catch(() => undefined);
  }, everyMs);
  return {
    noticeAt,
    async stop() {
      clearInterval(timer);
      await writing;
      subscriber.disconnect();
      redis.disconnect();
    },
  };
}

export interface AlertLatency {
  readonly bursts: number;
  readonly deliveries: number;
  /** Per delivery: receipt − notice, ms. */
  readonly p50: number;
  readonly p99: number;
  /** Per burst that every client received, until the last of them did, ms. */
  readonly allP50: number;
  readonly allP99: number;
  /** Bursts received by fewer than all clients (cut by the window's edges, or clients dropped). */
  readonly incomplete: number;
}

/** Times the bursts clients received (receipts by the burst's first alert id) against the notices. */
export function alertLatency(
  receipts: Readonly<Record<string, number[]>>,
  noticeAt: ReadonlyMap<string, number>,
  clients: number,
): AlertLatency {
  const each: number[] = [];
  const all: number[] = [];
  let incomplete = 0;
  for (const [id, times] of Object.entries(receipts)) {
    const notice = noticeAt.get(id);
    if (notice === undefined) continue; // its notice came before the subscriber listened
    for (const at of times) each.push(at - notice);
    // a burst cut by the start or end of the measured window reached only some clients
    if (times.length < clients) incomplete++;
    else all.push(Math.max(...times) - notice);
  }
  const ms = (x: number) => Math.round(x * 10) / 10;
  return {
    bursts: all.length,
    deliveries: each.length,
    p50: ms(quantile(each, 0.5)),
    p99: ms(quantile(each, 0.99)),
    allP50: ms(quantile(all, 0.5)),
    allP99: ms(quantile(all, 0.99)),
    incomplete,
  };
}
