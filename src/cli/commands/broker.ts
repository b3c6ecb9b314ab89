import { BROKER_CONFIG_SETTINGS } from '../../config/broker-config.ts';
import { startBroker } from '../../kafka/broker/start-broker.ts';
import { createLogger } from '../../log/logger.ts';
import { defineCommand } from '../command.ts';
import { awaitShutdown } from '../shutdown.ts';
import { brokerOptionsFrom } from './broker-settings.ts';

export const brokerCommand = defineCommand({
  name: 'broker',
  summary: 'the dev Kafka-protocol broker (single node, in memory; development and tests only)',
  description:
    'A single-node, in-memory broker that speaks the Kafka wire protocol well enough for kafkajs and kcat. ' +
    'For development, tests and the one-command demo; production uses Apache Kafka. Prints ' +
    'KAFKA_BROKERS=<host:port> once it listens (with --broker-port 0, the port it picked) and stops ' +
    'cleanly on SIGINT or SIGTERM.',
  settings: BROKER_CONFIG_SETTINGS,
  positionals: [],
  run: async (config, _args, io) => {
    const log = createLogger('broker');
    let broker: Awaited<ReturnType<typeof startBroker>>;
    try {
      broker = await startBroker({ ...brokerOptionsFrom(config), logger: log });
    } catch (error) {
      io.stderr(
        `wattwatch broker: cannot listen on ${config.brokerHost}:${config.brokerPort}: ${(error as Error).message}\n`,
      );
      return 1;
    }
    io.stdout(`KAFKA_BROKERS=${broker.bootstrap}\n`);
    const shutdown = awaitShutdown();
    const signal = await shutdown.received;
    log.info('shutting down', { signal });
    await broker.close();
    shutdown.dispose();
    return 0;
  },
});
