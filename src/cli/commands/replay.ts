import { REPLAY_SETTINGS } from '../../config/replay-config.ts';
import { createLogger } from '../../log/logger.ts';
import { SYSTEM_CLOCK } from '../../simulator/publish/clock.ts';
import { startProgress } from '../../simulator/publish/progress.ts';
import { type StartedReplay, startReplay } from '../../simulator/start-replay.ts';
import { defineCommand } from '../command.ts';
import { awaitShutdown } from '../shutdown.ts';

export const replayCommand = defineCommand({
  name: 'replay',
  summary: 'publish a recorded CSV (wattwatch, NAB or SKAB layout) into Kafka, paced or as fast as possible',
  description:
    'Reads recorded data instead of simulating it: a CSV of wattwatch readings, a single-series ' +
    'timestamp,value CSV (NAB) or the ;-separated SKAB layout, and publishes it as readings keyed by ' +
    'sensor_id. --speed 1 keeps the recorded pace, 0 sends as fast as possible. By default each reading is ' +
    'stamped with the time it is published (--timestamps live); --timestamps recorded keeps the file times. ' +
    'Bad rows are reported with their line number and skipped. Batches Kafka does not take are retried ' +
    'until delivered. Exits 0 when the file is done or on SIGINT/SIGTERM, 1 when nothing in it was usable.',
  settings: REPLAY_SETTINGS,
  positionals: [{ name: 'FILE', describe: 'the CSV file to replay' }],
  run: async (config, [path = ''], io) => {
    const log = createLogger('replay');
    const shutdown = awaitShutdown();
    let replay: StartedReplay;
    try {
      replay = await startReplay(config, path, { log });
    } catch (error) {
      shutdown.dispose();
      log.error('cannot replay', { file: path, error });
      io.stderr(`wattwatch replay: ${(error as Error).message}\n`);
      return 1;
    }
    log.info('replaying', {
      file: path,
      format: replay.file.format,
      ...(replay.file.format === 'wattwatch' ? {} : { sensor_id: replay.file.mapping.sensorId }),
      speed: config.speed,
      timestamps: config.timestamps,
      brokers: config.brokers,
      topic: config.topic,
    });
    const progress = startProgress(
      replay.run.stats,
      {
        tty: process.stderr.isTTY === true,
        intervalMs: config.progressIntervalMs,
        write: (t) => process.stderr.write(t),
      },
      { log, clock: SYSTEM_CLOCK },
    );
    const signal = await Promise.race([replay.run.done.then(() => undefined), shutdown.received]);
    if (signal) log.info('stopping', { signal });
    const result = signal ? await replay.stop() : await replay.finished();
    progress.stop();
    shutdown.dispose();
    const { badLines, ...totals } = result;
    log.info(result.complete ? 'replay finished' : 'replay stopped', { file: path, ...totals });
    if (result.badRows > 0)
      log.warn('bad rows were skipped', { bad_rows: result.badRows, first_lines: badLines });
    return result.sent === 0 && result.badRows > 0 ? 1 : 0;
  },
});
