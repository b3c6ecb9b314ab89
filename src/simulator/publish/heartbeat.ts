/**
 * The producer's liveness signal: `{producer_id, host, ts, sensors, rate_hz, sent_total}` on the
 * heartbeat topic every interval, keyed by producer_id. rate_hz is what was actually acknowledged
 * since the previous beat, not the configured rate, so a struggling producer shows it. A beat is
 * skipped while the sink is not connected or the previous beat is still in flight.
 *
 * stop() sends one last beat with `stopped: true` (callers stop it after their final flush, so its
 * sent_total is the run's total): the consumer side can then tell a clean stop from a lost
 * producer at once, instead of after the 6 s of silence it takes to declare one missing.
 */
import { encodeHeartbeat, type Heartbeat } from '../../domain/heartbeat.ts';
import type { Logger } from '../../log/logger.ts';
import type { BatchSink } from './batch-sink.ts';
import type { Clock } from './clock.ts';

export interface HeartbeatOptions {
  readonly topic: string;
  readonly intervalMs: number;
  readonly producerId: string;
  readonly host: string;
}

export interface HeartbeatCounters {
  /** How many sensors this producer is publishing for. */
  sensors(): number;
  /** Readings acknowledged so far. */
  sentTotal(): number;
}

export interface HeartbeatLoop {
  start(): void;
  /** Stops the timer, waits for a beat in flight, then sends the final beat (when connected). */
  stop(): Promise<void>;
  /** Stops the timer without a final beat and without waiting (Kafka is not answering). */
  cancel(): void;
}

export function createHeartbeatLoop(
  options: HeartbeatOptions,
  counters: HeartbeatCounters,
  deps: { readonly sink: BatchSink; readonly clock: Clock; readonly log: Logger },
): HeartbeatLoop {
  const { sink, clock, log } = deps;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  let lastAt = clock.now();
  let lastSent = counters.sentTotal();
  let failing = false;
  let stopped = false;

  function build(now: number): Heartbeat {
    const sent = counters.sentTotal();
    const seconds = (now - lastAt) / 1000;
    const heartbeat: Heartbeat = {
      producer_id: options.producerId,
      host: options.host,
      ts: new Date(now).toISOString(),
      sensors: counters.sensors(),
      rate_hz: seconds > 0 ? Math.round(((sent - lastSent) / seconds) * 10) / 10 : 0,
      sent_total: sent,
    };
    lastAt = now;
    lastSent = sent;
    return heartbeat;
  }

  function send(heartbeat: Heartbeat): Promise<void> {
    return sink
      .send(options.topic, [{ key: options.producerId, value: encodeHeartbeat(heartbeat) }])
      .then(() => {
        failing = false;
      })
      .catch((error) => {
        if (!failing) log.warn('heartbeat not delivered', { topic: options.topic, error });
        failing = true;
      });
  }

  function beat(): void {
    timer = clock.setTimeout(beat, options.intervalMs);
    if (stopped || !sink.ready() || inFlight) return;
    inFlight = send(build(clock.now())).finally(() => {
      inFlight = undefined;
    });
  }

  return {
    start() {
      timer ??= clock.setTimeout(beat, options.intervalMs);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clock.clearTimeout(timer);
      await inFlight;
      if (sink.ready()) await send({ ...build(clock.now()), stopped: true });
    },
    cancel() {
      stopped = true;
      clock.clearTimeout(timer);
    },
  };
}
