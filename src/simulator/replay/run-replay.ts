/**
 * Publishes a recorded file: each row of `openReplayFile` becomes a reading keyed by sensor_id,
 * paced by the recorded timestamps (`speed` 1 = real time, 0 = as fast as possible) and sent in
 * batches. Bad rows are logged with their line number and counted, never silently dropped.
 *
 * Unlike the simulator, recorded data is not skipped when Kafka is away: a batch is retried
 * with backoff until delivered (or the run is stopped), and the pacing shifts by the time lost,
 * so the replay resumes where it was. With `timestamps: 'live'` each reading is stamped with
 * the moment it is due, so the recording plays as if it were happening now; `recorded` keeps
 * the file's times.
 */
import type { Logger } from '../../log/logger.ts';
import { type BackoffOptions, createBackoff, DEFAULT_BACKOFF_OPTIONS } from '../publish/backoff.ts';
import type { BatchSink, OutMessage } from '../publish/batch-sink.ts';
import { type Clock, SYSTEM_CLOCK, settleWithin, sleep } from '../publish/clock.ts';
import { createHeartbeatLoop } from '../publish/heartbeat.ts';
import { createPublishStats, type PublishStats } from '../publish/publish-stats.ts';
import { readingJson } from '../publish/reading-json.ts';
import type { ReplayFile } from './read-replay-file.ts';
import { createReplayPacer } from './replay-pacer.ts';

export interface ReplayRunOptions {
  readonly speed: number;
  readonly timestamps: 'live' | 'recorded';
  readonly topic: string;
  readonly heartbeatTopic: string;
  readonly heartbeatIntervalMs: number;
  readonly producerId: string;
  readonly producerHost: string;
  /** Rows due within this window of each other go in one batch. */
  readonly lingerMs: number;
  readonly maxBatch: number;
  readonly backoff: BackoffOptions;
  /** How long stop() waits for the last batch. */
  readonly flushTimeoutMs: number;
}

export const DEFAULT_REPLAY_RUN_OPTIONS = Object.freeze({
  lingerMs: 50,
  maxBatch: 2000,
  backoff: DEFAULT_BACKOFF_OPTIONS,
  flushTimeoutMs: 10_000,
}) satisfies Partial<ReplayRunOptions>;

export interface ReplayResult extends PublishStats {
  /** Line numbers of the first bad rows (up to 20), for the summary. */
  readonly badLines: readonly number[];
  /** True when the whole file was read; false when stopped early. */
  readonly complete: boolean;
}

export interface ReplayRun {
  /** Resolves when the file is done or the run was stopped. */
  readonly done: Promise<ReplayResult>;
  stats(): Readonly<PublishStats>;
  stop(): Promise<ReplayResult>;
}

const READY_POLL_MS = 200;

export function startReplayRun(
  file: ReplayFile,
  options: ReplayRunOptions,
  deps: { readonly sink: BatchSink; readonly log: Logger; readonly clock?: Clock },
): ReplayRun {
  const { sink, log } = deps;
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const stats = createPublishStats();
  const backoff = createBackoff(options.backoff);
  const pacer = createReplayPacer(options.speed, clock.now());
  const stopping = new AbortController();
  const sensors = new Set<string>();
  const badLines: number[] = [];
  const heartbeat = createHeartbeatLoop(
    {
      topic: options.heartbeatTopic,
      intervalMs: options.heartbeatIntervalMs,
      producerId: options.producerId,
      host: options.producerHost,
    },
    { sensors: () => sensors.size, sentTotal: () => stats.sent },
    { sink, clock, log },
  );

  /** Sends until delivered; time spent waiting for Kafka shifts the pacing. Gives up only when stopping. */
  async function deliver(messages: OutMessage[]): Promise<void> {
    if (messages.length === 0) return;
    stats.generated += messages.length;
    stats.inFlight++;
    try {
      for (;;) {
        const waitStart = clock.now();
        while (!sink.ready() && !stopping.signal.aborted) await sleep(clock, READY_POLL_MS, stopping.signal);
        const sendStart = clock.now();
        pacer.shift(sendStart - waitStart);
        try {
          await sink.send(options.topic, messages);
          stats.sent += messages.length;
          if (backoff.attempts > 0) log.info('publishing again', { after_failures: backoff.attempts });
          backoff.reset();
          return;
        } catch (error) {
          stats.sendErrors++;
          const retryInMs = backoff.next();
          const fields = {
            topic: options.topic,
            readings: messages.length,
            attempt: backoff.attempts,
            retryInMs,
            error,
          };
          if (stopping.signal.aborted) {
            stats.failed += messages.length;
            log.error('stopped with a batch Kafka did not take', fields);
            return;
          }
          if (backoff.attempts === 1) log.error('cannot publish readings; retrying the batch', fields);
          else log.warn('publishing still failing', fields);
          await sleep(clock, retryInMs, stopping.signal);
          // The failed attempt and the wait are time the recording did not move on.
          pacer.shift(clock.now() - sendStart);
        }
      }
    } finally {
      stats.inFlight--;
    }
  }

  async function replay(): Promise<ReplayResult> {
    let batch: OutMessage[] = [];
    let complete = true;
    for await (const row of file.rows()) {
      if (stopping.signal.aborted) {
        complete = false;
        break;
      }
      if (row.kind === 'error') {
        stats.badRows++;
        if (badLines.length < 20) badLines.push(row.line);
        log.warn('bad row skipped', { line: row.line, reason: row.message });
        continue;
      }
      let due = clock.now();
      if (options.speed > 0) {
        due = pacer.dueAt(Date.parse(row.reading.ts));
        if (due > clock.now() + options.lingerMs && batch.length > 0) {
          await deliver(batch);
          batch = [];
        }
        // A timer can fire a millisecond before Date.now() reaches its time; a row is never sent early.
        while (due > clock.now() && !stopping.signal.aborted)
          await sleep(clock, due - clock.now(), stopping.signal);
        if (stopping.signal.aborted) {
          complete = false;
          break;
        }
      }
      const reading =
        options.timestamps === 'live'
          ? { ...row.reading, ts: new Date(Math.floor(due)).toISOString() }
          : row.reading;
      sensors.add(reading.sensor_id);
      batch.push({ key: reading.sensor_id, value: readingJson(reading) });
      if (batch.length >= options.maxBatch) {
        await deliver(batch);
        batch = [];
      }
    }
    await deliver(batch);
    return { ...stats, badLines, complete };
  }

  heartbeat.start();
  const done = replay().finally(() => heartbeat.stop());
  return {
    done,
    stats: () => ({ ...stats }),
    async stop() {
      stopping.abort();
      const inTime = await settleWithin(clock, done, options.flushTimeoutMs);
      if (!inTime)
        log.warn('stopped before Kafka acknowledged the last batch', { in_flight: stats.inFlight });
      return inTime ? done : { ...stats, badLines, complete: false };
    },
  };
}
