/**
 * Paces `realtime_update`: rounds are due every `tickMs` on a fixed schedule, and each round's store
 * reads start *ahead* of its deadline so that the frames are ready and go out at the deadline itself
 * instead of after a wait on Redis. Redis is single-threaded and, while processors ingest, a read
 * queues behind their apply scripts for tens to hundreds of ms; reading ahead takes that wait out of
 * the delivery time without reading less fresh data than waiting would give (the data is as old at
 * receipt either way: reads begin, Redis answers, clients receive).
 *
 * How far ahead: 1.25 × the slowest preparation of the last 30 rounds + 5 ms, at most `readAheadMs`
 * and at most half a tick, so a frame's data is at most that much older than its deadline (`ts`);
 * `as_of` in the message says when its reads began. A round not ready at its deadline goes out as
 * soon as it is (late, and measured so); a round that overran the next deadline is followed at once,
 * never queued.
 */
import { createLogger } from '../../log/logger.ts';
import type { ApiServices } from '../api-services.ts';
import type { ProducerMonitor } from './producer-monitor.ts';
import { type PreparedFrame, prepareRound } from './realtime-round.ts';
import type { ViewGroup } from './view-group.ts';

const log = createLogger('api.ws');
const HISTORY = 30;

/** One round's timeline, performance.now() values (ms). */
export interface RoundTiming {
  readonly dueAt: number;
  /** How far ahead of `dueAt` the round was scheduled to start its reads. */
  readonly leadMs: number;
  readonly prepareAt: number;
  readonly readsDoneAt: number;
  /** Synchronous diff + serialization time. */
  readonly buildMs: number;
  readonly preparedAt: number;
  readonly sendAt: number;
  readonly sentAt: number;
  readonly frames: number;
}

export interface TickerDeps<C> {
  readonly s: ApiServices;
  readonly producers: ProducerMonitor;
  groups(): ViewGroup<C>[];
  /** Sends one prepared frame to its group's ready clients. */
  send(frame: PreparedFrame<C>): void;
  /** Told every round that went out (the bench's breakdown of delivery lag). */
  observe?(timing: RoundTiming): void;
}

export interface TickerOptions {
  readonly tickMs: number;
  readonly readAheadMs: number;
  readonly groupConcurrency: number;
}

export interface Ticker {
  start(): void;
  stop(): void;
}

export function createRealtimeTicker<C>(deps: TickerDeps<C>, options: TickerOptions): Ticker {
  const { s } = deps;
  const maxLead = Math.max(0, Math.min(options.readAheadMs, options.tickMs / 2));
  const durations: number[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let nextDue = 0;

  const leadMs = () =>
    durations.length === 0 ? maxLead : Math.min(maxLead, 1.25 * Math.max(...durations) + 5);
  /**
   * Calls `then` once performance.now() reached `at`: a timer can fire a little early (it counts from
   * the event loop's cached time), so it is re-armed for what is left, and nothing goes out before
   * its deadline.
   */
  const at = (when: number, then: () => void) => {
    const left = when - performance.now();
    if (left <= 0) then();
    else timer = setTimeout(() => at(when, then), Math.ceil(left));
  };

  function arm() {
    if (!running) return;
    const lead = leadMs();
    const dueAt = nextDue;
    at(dueAt - lead, () => void round(dueAt, lead));
  }

  async function round(dueAt: number, leadMs: number) {
    const prepareAt = performance.now();
    let frames: PreparedFrame<C>[] = [];
    let readsDoneAt = prepareAt;
    let buildMs = 0;
    try {
      const groups = deps.groups();
      if (groups.length > 0) {
        // one clock reading for both, so ts − as_of is exactly how far ahead the reads began
        const wallOffset = s.now().getTime() - performance.now();
        const iso = (ms: number) => new Date(wallOffset + ms).toISOString();
        const times = { ts: iso(dueAt), asOf: iso(prepareAt) };
        ({ frames, readsDoneAt, buildMs } = await prepareRound(
          s,
          deps.producers,
          groups,
          times,
          options.groupConcurrency,
        ));
        durations.push(performance.now() - prepareAt);
        if (durations.length > HISTORY) durations.shift();
      }
    } catch (error) {
      log.warn('tick failed', { error });
    }
    const preparedAt = performance.now();
    if (!running) return;
    if (preparedAt < dueAt) await new Promise<void>((resolve) => at(dueAt, resolve));
    if (!running) return;
    const sendAt = performance.now();
    for (const frame of frames) deps.send(frame);
    const sentAt = performance.now();
    s.metrics.wsTickSeconds.observe((preparedAt - prepareAt + sentAt - sendAt) / 1000);
    if (frames.length > 0) {
      s.metrics.wsUpdateLateSeconds.observe(Math.max(0, sentAt - dueAt) / 1000);
      deps.observe?.({
        dueAt,
        leadMs,
        prepareAt,
        readsDoneAt,
        buildMs,
        preparedAt,
        sendAt,
        sentAt,
        frames: frames.length,
      });
    }
    nextDue = Math.max(dueAt + options.tickMs, performance.now());
    arm();
  }

  return {
    start() {
      if (running) return;
      running = true;
      nextDue = performance.now() + options.tickMs;
      arm();
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
