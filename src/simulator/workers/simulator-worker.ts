/**
 * A worker thread's half (or third…) of `simulate`: its own kafkajs producer publishing the
 * sensors of one shard, from `start` on. Counters go to the main thread four times a second,
 * log lines as they happen; on `stop` it flushes, disconnects and reports its totals. Heartbeats
 * are the main thread's job (one producer identity, the sum of every shard).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPublishStats } from '../publish/publish-stats.ts';
import { type SimulatorShard, startSimulatorShard } from '../simulator-shard.ts';
import { createForwardingLogger } from './forwarding-logger.ts';
import type { FromWorker, SimulatorWorkerData, ToWorker } from './worker-protocol.ts';

const STATS_INTERVAL_MS = 250;

const port = parentPort;
if (!port) throw new Error('simulator-worker.ts runs only as a worker thread');
const { config, shard, options } = workerData as SimulatorWorkerData;
const post = (message: FromWorker) => port.postMessage(message);

let simulator: SimulatorShard | undefined;
let timer: ReturnType<typeof setInterval> | undefined;

port.on('message', async (message: ToWorker) => {
  if (message.type === 'start') {
    if (simulator) return;
    const started = startSimulatorShard(config, {
      log: createForwardingLogger(port, 'simulate'),
      kafkaLog: createForwardingLogger(port, 'kafkajs'),
      options: { ...options, shard, heartbeat: false, startMs: message.startMs },
    });
    simulator = started;
    timer = setInterval(() => post({ type: 'stats', stats: { ...started.stats() } }), STATS_INTERVAL_MS);
    return;
  }
  clearInterval(timer);
  const stats = simulator ? await simulator.stop() : createPublishStats();
  post({ type: 'stopped', stats: { ...stats } });
  port.close();
});
// Loading modules is the slow part of a worker's start (seconds under tsx): the main thread
// starts every shard's clock together once all of them got here.
post({ type: 'ready' });
