/**
 * The dev broker alone in a child process, for bench/broker.ts: its CPU time is then its own.
 * Reports `{ type: 'ready', port }` over IPC, answers `usage` with its CPU time and RSS, and stops
 * on `stop`.
 */
import { startBroker } from '../../src/kafka/broker/start-broker.ts';

const broker = await startBroker({
  port: 0,
  initialRebalanceDelayMs: 0,
  retentionBytes: Number(process.env.BENCH_RETENTION_BYTES ?? 2 * 1024 * 1024 * 1024),
});

process.on('message', async (message: { type: string }) => {
  if (message.type === 'usage') {
    const cpu = process.cpuUsage();
    process.send?.({ type: 'usage', cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss });
  } else if (message.type === 'stop') {
    await broker.close();
    process.disconnect();
  }
});
process.send?.({ type: 'ready', port: broker.port });
