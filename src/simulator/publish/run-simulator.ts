/**
 * The simulator's publishing loop: every `lingerMs` it takes the slots that came due (the slot
 * schedule spreads sensors over the interval), generates their readings, and sends them as one
 * batch keyed by sensor_id, with at most `maxInFlight` batches outstanding.
 *
 * What happens when Kafka is slow or gone: while the sink is not connected, or backing off after
 * a failed batch, due slots are skipped (counted, not generated). A batch that fails after the
 * client's own retries is dropped and counted, and sending pauses for a growing backoff. When
 * the loop falls more than one interval behind, the schedule skips each sensor to its latest
 * slot. So the stream always resumes at the current time, memory stays bounded, and no reading
 * older than an interval is ever sent. Sensor state keeps running across gaps (meters count on).
 */
import type { Logger } from '../../log/logger.ts';
import { createFleet } from '../fleet/create-fleet.ts';
import { createSlotSchedule, type ScheduleShard } from '../schedule/slot-schedule.ts';
import type { AnomalyOptions } from '../signals/anomaly-episodes.ts';
import { createGenerator, type FleetGenerator } from '../signals/create-generator.ts';
import { type BackoffOptions, createBackoff, DEFAULT_BACKOFF_OPTIONS } from './backoff.ts';
import type { BatchSink } from './batch-sink.ts';
import { type Clock, SYSTEM_CLOCK, settleWithin } from './clock.ts';
import { createHeartbeatLoop } from './heartbeat.ts';
import { createPublishStats, type PublishStats } from './publish-stats.ts';
import { createReadingPacker, type PackedBatch } from './reading-packer.ts';

export interface SimulatorRunOptions {
  readonly sensors: number;
  readonly seed: number;
  readonly intervalMs: number;
  /** Timestamp jitter, fraction of the interval. */
  readonly jitter: number;
  readonly timeZone: string;
  readonly producerHost: string;
  readonly producerId: string;
  readonly anomalies: AnomalyOptions;
  readonly topic: string;
  readonly heartbeatTopic: string;
  readonly heartbeatIntervalMs: number;
  /** Readings due within this window go out as one batch. */
  readonly lingerMs: number;
  readonly maxInFlight: number;
  /** Largest batch; more due readings are split into several. */
  readonly maxBatch: number;
  /** Pause after a failed batch. */
  readonly backoff: BackoffOptions;
  /** How long stop() waits for batches in flight. */
  readonly flushTimeoutMs: number;
  /** Publish only this shard's sensors (one of several worker threads); the whole fleet by default. */
  readonly shard?: ScheduleShard;
  /** Send heartbeats from this loop (default); a worker shard leaves them to the main thread. */
  readonly heartbeat?: boolean;
  /** Origin of the schedule and the simulated clock; now by default. Shards of one fleet share it. */
  readonly startMs?: number;
}

export const DEFAULT_SIMULATOR_RUN_OPTIONS = Object.freeze({
  lingerMs: 50,
  // kafkajs groups a send's messages per partition by copying the group's array for every message
  // (quadratic per partition): 5,000-message sends spent ~8 % of the producer's CPU on it, 2,000 ~5 %.
  maxInFlight: 6,
  maxBatch: 2000,
  backoff: DEFAULT_BACKOFF_OPTIONS,
  flushTimeoutMs: 10_000,
}) satisfies Partial<SimulatorRunOptions>;

export interface SimulatorRun {
  readonly generator: FleetGenerator;
  readonly startMs: number;
  stats(): Readonly<PublishStats>;
  /** Stops generating, waits for batches in flight (up to flushTimeoutMs), sends the final heartbeat, returns the totals. */
  stop(): Promise<Readonly<PublishStats>>;
}

export interface SimulatorRunDeps {
  readonly sink: BatchSink;
  readonly log: Logger;
  readonly clock?: Clock;
}

export function startSimulatorRun(options: SimulatorRunOptions, deps: SimulatorRunDeps): SimulatorRun {
  const { sink, log } = deps;
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const startMs = options.startMs ?? Math.floor(clock.now());
  const generator = createGenerator(createFleet({ sensors: options.sensors, seed: options.seed }), {
    startMs,
    intervalMs: options.intervalMs,
    timeZone: options.timeZone,
    producerHost: options.producerHost,
    anomalies: options.anomalies,
  });
  const schedule = createSlotSchedule({ ...options, startMs });
  const stats = createPublishStats();
  const backoff = createBackoff(options.backoff);
  const pending = new Set<Promise<void>>();
  let pausedUntil = 0;
  const packer = createReadingPacker(generator.fleet.ids);
  let timer: unknown;
  let stopping = false;
  /** The last tick stopped at the in-flight limit with readings still due. */
  let backlogged = false;

  const collect = (i: number, slotMs: number, jitterMs: number) => {
    const reading = generator.sample(i, slotMs, jitterMs);
    if (!reading) {
      stats.silent++;
      return;
    }
    packer.add(i, reading);
  };

  function send(batch: PackedBatch): void {
    const { messages } = batch;
    stats.generated += messages.length;
    stats.inFlight++;
    const sent = sink
      .send(options.topic, messages)
      .then(() => {
        stats.sent += messages.length;
        if (backoff.attempts > 0) log.info('publishing again', { after_failures: backoff.attempts });
        backoff.reset();
      })
      .catch((error) => {
        stats.failed += messages.length;
        stats.sendErrors++;
        const retryInMs = backoff.next();
        pausedUntil = Math.max(pausedUntil, clock.now() + retryInMs);
        const fields = {
          topic: options.topic,
          readings: messages.length,
          attempt: backoff.attempts,
          retryInMs,
          error,
        };
        if (backoff.attempts === 1)
          log.error('cannot publish readings; dropping this batch and backing off', fields);
        else log.warn('publishing still failing', fields);
      })
      .finally(() => {
        batch.release();
        stats.inFlight--;
        pending.delete(sent);
        resume();
      });
    pending.add(sent);
  }

  function tick(): void {
    if (stopping) return;
    const now = clock.now();
    if (!sink.ready() || now < pausedUntil) {
      stats.skipped += schedule.skipDue(now);
    } else {
      packer.setPartitions(sink.partitionCount?.(options.topic));
      backlogged = false;
      for (;;) {
        if (stats.inFlight >= options.maxInFlight) {
          backlogged = true;
          break;
        }
        const result = schedule.advance(now, collect, options.maxBatch);
        stats.skipped += result.skipped;
        if (packer.size > 0) send(packer.take());
        if (result.emitted < options.maxBatch) break;
      }
    }
    timer = clock.setTimeout(tick, options.lingerMs);
  }

  /** A send settled while due readings waited for a free slot: carry on now, not at the next linger tick. */
  function resume(): void {
    if (!backlogged || stopping) return;
    backlogged = false;
    clock.clearTimeout(timer);
    timer = clock.setTimeout(tick, 0);
  }

  const heartbeat =
    options.heartbeat === false
      ? undefined
      : createHeartbeatLoop(
          {
            topic: options.heartbeatTopic,
            intervalMs: options.heartbeatIntervalMs,
            producerId: options.producerId,
            host: options.producerHost,
          },
          { sensors: () => options.sensors, sentTotal: () => stats.sent },
          { sink, clock, log },
        );
  heartbeat?.start();
  timer = clock.setTimeout(tick, 0);

  return {
    generator,
    startMs,
    stats: () => ({ ...stats }),
    async stop() {
      stopping = true;
      clock.clearTimeout(timer);
      const inTime = await settleWithin(clock, Promise.all(pending), options.flushTimeoutMs);
      // The final heartbeat goes after the flush, so it carries the run's total; when Kafka did
      // not take the flush, there is no point waiting for it to take a heartbeat.
      if (inTime) {
        if (heartbeat) await settleWithin(clock, heartbeat.stop(), options.flushTimeoutMs);
      } else {
        heartbeat?.cancel();
        log.warn('stopped before Kafka acknowledged every batch', { in_flight: stats.inFlight });
      }
      return { ...stats };
    },
  };
}
