/**
 * `simulate` across worker threads: worker k publishes the sensors i ≡ k (mod W) with its own
 * kafkajs producer (one producer tops out below 100k messages/s, CPU-bound in its own record
 * encoding), while this thread sends the heartbeat for the whole fleet from a third, idle-most-
 * of-the-time producer, sums the workers' counters and relays their log lines.
 *
 * Per-sensor order holds because a sensor belongs to exactly one worker, which sends its batches
 * in order on one connection. Each worker handles a Kafka outage on its own (retry, skip due
 * slots, never back-fill), exactly as the single-thread simulator does.
 */
import type { Worker } from 'node:worker_threads';
import type { SimulateConfig } from '../../config/simulate-config.ts';
import { createLogger, type Logger } from '../../log/logger.ts';
import { SYSTEM_CLOCK, settleWithin } from '../publish/clock.ts';
import { createHeartbeatLoop } from '../publish/heartbeat.ts';
import { createPublishStats, type PublishStats } from '../publish/publish-stats.ts';
import { DEFAULT_SIMULATOR_RUN_OPTIONS, type SimulatorRunOptions } from '../publish/run-simulator.ts';
import { createConfiguredSink } from '../simulator-shard.ts';
import type { StartedSimulator } from '../start-simulator.ts';
import { loggerFor } from './forwarding-logger.ts';
import { siblingModule, spawnModuleWorker } from './spawn-module-worker.ts';
import type { FromWorker, SimulatorWorkerData, ToWorker } from './worker-protocol.ts';

/** Beyond the workers' own flush timeout: time to disconnect and report before being terminated. */
const STOP_GRACE_MS = 5000;

export function startSimulatorWorkers(
  config: SimulateConfig,
  workers: number,
  deps: { readonly log: Logger; readonly options?: Partial<SimulatorRunOptions> },
): StartedSimulator {
  const { log } = deps;
  const options = deps.options ?? {};
  const roots = { simulate: log, kafkajs: createLogger('kafkajs') };
  const latest: PublishStats[] = Array.from({ length: workers }, createPublishStats);
  const total = (): PublishStats => sum(latest);
  let reportFailure: (error: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => {
    reportFailure = resolve;
  });
  let stopping = false;

  const sink = createConfiguredSink(config, { log });
  sink.start();
  const heartbeat = createHeartbeatLoop(
    {
      topic: config.heartbeatTopic,
      intervalMs: config.heartbeatIntervalMs,
      producerId: config.producerId,
      host: config.hostIp,
    },
    { sensors: () => config.sensors, sentTotal: () => total().sent },
    { sink, clock: SYSTEM_CLOCK, log },
  );
  heartbeat.start();

  // Workers take seconds to load under tsx; all shards start together once loaded, on one
  // schedule origin, so they walk the one schedule a single thread would (and skip nothing).
  let loading = workers;
  const workerReady = () => {
    if (--loading > 0 || stopping) return;
    const start: ToWorker = { type: 'start', startMs: options.startMs ?? Date.now() };
    for (const { worker } of threads) worker.postMessage(start);
  };
  const module = siblingModule(import.meta.url, 'simulator-worker');
  const threads = Array.from({ length: workers }, (_, index) => {
    const workerData: SimulatorWorkerData = { config, shard: { index, count: workers }, options };
    const worker = spawnModuleWorker(module, { workerData });
    const stopped = new Promise<void>((resolve) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'log')
          loggerFor(roots, message)[message.level](message.message, { worker: index, ...message.fields });
        else if (message.type === 'ready') workerReady();
        else {
          latest[index] = message.stats;
          if (message.type === 'stopped') resolve();
        }
      });
      worker.on('exit', () => resolve());
    });
    worker.on('error', (error) => {
      log.error('simulator worker failed', { worker: index, error });
      reportFailure(error);
    });
    worker.on('exit', (code) => {
      if (stopping) return;
      const error = new Error(`simulator worker ${index} exited with code ${code}`);
      log.error('simulator worker exited', { worker: index, code });
      reportFailure(error);
    });
    return { worker, stopped };
  });

  async function stopWorker({ worker, stopped }: { worker: Worker; stopped: Promise<void> }): Promise<void> {
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
    const flushMs = options.flushTimeoutMs ?? DEFAULT_SIMULATOR_RUN_OPTIONS.flushTimeoutMs;
    const inTime = await settleWithin(SYSTEM_CLOCK, stopped, flushMs + STOP_GRACE_MS);
    if (!inTime) log.warn('a simulator worker did not stop in time; terminating it');
    await worker.terminate();
  }

  return {
    workers,
    failed,
    stats: total,
    async stop() {
      if (stopping) return total();
      stopping = true;
      await Promise.all(threads.map(stopWorker));
      const totals = total();
      // As in one thread: the final heartbeat only after every reading was flushed.
      if (totals.inFlight === 0) await settleWithin(SYSTEM_CLOCK, heartbeat.stop(), STOP_GRACE_MS);
      else heartbeat.cancel();
      await sink.close();
      return totals;
    },
  };
}

function sum(all: readonly PublishStats[]): PublishStats {
  const out = createPublishStats();
  for (const s of all) {
    for (const key of Object.keys(out) as (keyof PublishStats)[]) out[key] += s[key];
  }
  return out;
}
