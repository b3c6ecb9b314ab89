/**
 * A worker thread's half (or third…) of `simulate`: its own kafkajs producer publishing the
 * sensors of one shard. Counters go to the main thread four times a second, log lines as they
 * happen; on `stop` it flushes, disconnects and reports its totals. Heartbeats are the main
 * thread's job (one producer identity, the sum of every shard).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startSimulatorShard } from '../simulator-shard.ts';
import { createForwardingLogger } from './forwarding-logger.ts';
import type { FromWorker, SimulatorWorkerData, ToWorker } from './worker-protocol.ts';

const STATS_INTERVAL_MS = 250;

const port = parentPort;
if (!port) throw new Error('simulator-worker.ts runs only as a worker thread');
const { config, shard, options } = workerData as SimulatorWorkerData;
const post = (message: FromWorker) => port.postMessage(message);

const simulator = startSimulatorShard(config, {
  log: createForwardingLogger(port, 'simulate'),
  kafkaLog: createForwardingLogger(port, 'kafkajs'),
  options: { ...options, shard, heartbeat: false },
});
const timer = setInterval(() => post({ type: 'stats', stats: { ...simulator.stats() } }), STATS_INTERVAL_MS);

port.on('message', async (message: ToWorker) => {
  if (message.type !== 'stop') return;
  clearInterval(timer);
  const stats = await simulator.stop();
  post({ type: 'stopped', stats: { ...stats } });
  port.close();
});
