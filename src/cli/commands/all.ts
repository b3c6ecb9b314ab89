import { ALL_SETTINGS } from '../../config/all-config.ts';
import { createLogger } from '../../log/logger.ts';
import { RetryStoppedError } from '../../processor/with-retry.ts';
import { RedisUnavailableError } from '../all/choose-redis.ts';
import { type RunningAll, startAll } from '../all/start-all.ts';
import { createStopStack } from '../all/stop-stack.ts';
import { defineCommand } from '../command.ts';
import { awaitShutdown } from '../shutdown.ts';

export const allCommand = defineCommand({
  name: 'all',
  summary: 'everything in one process on embedded defaults (what `npm start` runs)',
  description:
    'Starts the dev broker (unless KAFKA_BROKERS is set), uses the Redis at REDIS_URL or, when it is not ' +
    'set, a private redis-server on a free port (stopped on exit; the Redis on 127.0.0.1:6379 is never ' +
    'used unasked), and runs the simulator, the processor and the server together, then prints the ' +
    'dashboard URL. SIGINT or SIGTERM stops every part and exits 0.',
  settings: ALL_SETTINGS,
  positionals: [],
  run: async (config, _args, io) => {
    const log = createLogger('all');
    const shutdown = awaitShutdown();
    const aborting = new AbortController();
    void shutdown.received.then(() => aborting.abort());
    const stack = createStopStack(log);
    let running: RunningAll;
    try {
      running = await startAll(config, stack, aborting.signal);
    } catch (error) {
      await stack.stopAll();
      shutdown.dispose();
      if (error instanceof RetryStoppedError) return 0; // Ctrl-C while still starting
      io.stderr(`wattwatch all: ${(error as Error).message}\n`);
      return error instanceof RedisUnavailableError ? 2 : 1;
    }
    io.stdout(`\nwattwatch is running. Dashboard: ${running.server.url}\nCtrl-C stops everything.\n\n`);
    log.info('ready', {
      url: running.server.url,
      redis: running.redis.private ? `private redis-server at ${running.redis.url}` : 'REDIS_URL',
      brokers: running.devBroker ? `dev broker at ${running.brokers.join(',')}` : running.brokers.join(','),
      sensors: config.sensors,
      key_prefix: config.keyPrefix,
      startup_ms: Math.round(performance.now()), // since the process began, module loading included
    });
    const outcome = await Promise.race([
      shutdown.received.then((signal) => ({ signal, error: undefined })),
      running.processorDone.then(
        () => ({ signal: undefined, error: new Error('the processor stopped') }),
        (error: unknown) => ({ signal: undefined, error }),
      ),
      running.simulator.failed.then((error) => ({ signal: undefined, error })),
    ]);
    io.stdout('Stopping…\n');
    if (outcome.signal) log.info('stopping', { signal: outcome.signal });
    else log.error('a part failed; stopping everything', { error: outcome.error });
    await stack.stopAll();
    shutdown.dispose();
    log.info('stopped');
    io.stdout('Stopped.\n');
    return outcome.signal ? 0 : 1;
  },
});
