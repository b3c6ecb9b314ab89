import { PROCESS_SETTINGS } from '../../config/process-config.ts';
import { createLogger } from '../../log/logger.ts';
import { startProcessor } from '../../processor/start-processor.ts';
import { RetryStoppedError } from '../../processor/with-retry.ts';
import { defineCommand } from '../command.ts';
import { awaitShutdown } from '../shutdown.ts';

export const processCommand = defineCommand({
  name: 'process',
  summary: 'stream processor: Kafka consumer group → detection → Redis (scale by running more)',
  description:
    'Joins the consumer group, validates and scores every reading, and writes the latest state, indexes, ' +
    'history and alerts to Redis; invalid messages go to the dead-letter topic, readings that turn critical ' +
    'to the alerts topic. Offsets are committed only after the Redis writes succeeded; while Redis or Kafka ' +
    'is away it logs, backs off and retries, never skipping data. Serves /metrics and /health on ' +
    'PROCESS_METRICS_PORT. SIGINT or SIGTERM leaves the group after the chunk in progress and exits 0. ' +
    'Runs on the consumer host; start more to share the partitions.',
  settings: PROCESS_SETTINGS,
  positionals: [],
  run: async (config) => {
    const log = createLogger('process');
    const shutdown = awaitShutdown();
    const aborting = new AbortController();
    void shutdown.received.then(() => aborting.abort());
    log.info('starting', {
      brokers: config.brokers,
      group: config.groupId,
      topic: config.topic,
      detector: config.detector,
      chunk_size: config.chunkSize,
      concurrency: config.concurrency,
    });
    let processor: Awaited<ReturnType<typeof startProcessor>>;
    try {
      processor = await startProcessor(config, { log, signal: aborting.signal });
    } catch (error) {
      shutdown.dispose();
      if (error instanceof RetryStoppedError) {
        log.info('stopped before Redis and Kafka answered');
        return 0;
      }
      throw error;
    }
    log.info('processing', { metrics_port: processor.metricsPort });
    const outcome = await Promise.race([
      shutdown.received.then((signal) => ({ signal })),
      processor.done.then(
        () => ({ failed: null }),
        (error: unknown) => ({ failed: error }),
      ),
    ]);
    if ('signal' in outcome) log.info('stopping', { signal: outcome.signal });
    else log.error('the Kafka consumer stopped', { error: outcome.failed });
    await processor.stop();
    shutdown.dispose();
    log.info('stopped');
    return 'signal' in outcome ? 0 : 1;
  },
});
