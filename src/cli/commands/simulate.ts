import { SIMULATE_SETTINGS } from '../../config/simulate-config.ts';
import { createLogger } from '../../log/logger.ts';
import { SYSTEM_CLOCK } from '../../simulator/publish/clock.ts';
import { startProgress } from '../../simulator/publish/progress.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { defineCommand } from '../command.ts';
import { awaitShutdown } from '../shutdown.ts';

export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: 'fleet simulator: realistic telemetry with labelled anomalies and a heartbeat into Kafka',
  description:
    'Simulates a fleet of energy sensors (300 by default, 100,000+ on demand) and publishes one reading per ' +
    'sensor per interval to the readings topic, keyed by sensor_id, plus a heartbeat every 2 s. Runs on the ' +
    'producer host. The same seed gives the same fleet and the same values. Fleets above ~50,000 readings/s ' +
    'publish from several worker threads (--workers). While Kafka is unreachable it ' +
    'logs, retries and skips the readings that fall due (it never back-fills); SIGINT or SIGTERM flushes ' +
    'and exits 0.',
  settings: SIMULATE_SETTINGS,
  positionals: [],
  run: async (config) => {
    const log = createLogger('simulate');
    const shutdown = awaitShutdown();
    log.info('simulating', {
      sensors: config.sensors,
      interval_ms: config.sensorIntervalMs,
      seed: config.seed,
      time_zone: config.timeZone,
      brokers: config.brokers,
      topic: config.topic,
      anomaly_rate_per_hour: config.anomalyRate,
    });
    const simulator = startSimulator(config, { log });
    if (simulator.workers > 1) log.info('publishing from worker threads', { workers: simulator.workers });
    const progress = startProgress(
      simulator.stats,
      {
        tty: process.stderr.isTTY === true,
        intervalMs: config.progressIntervalMs,
        write: (t) => process.stderr.write(t),
      },
      { log, clock: SYSTEM_CLOCK },
    );
    const stop = await Promise.race([
      shutdown.received.then((signal) => ({ signal, error: undefined })),
      simulator.failed.then((error) => ({ signal: undefined, error })),
    ]);
    log.info('stopping', stop.signal ? { signal: stop.signal } : { reason: 'a worker thread failed' });
    const stats = await simulator.stop();
    progress.stop();
    shutdown.dispose();
    log.info('stopped', { ...stats });
    return stop.error ? 1 : 0;
  },
});
