import { BROKER_CONFIG_SETTINGS } from '../../config/broker-config.ts';
import { defineCommand, notBuiltYet } from '../command.ts';

export const brokerCommand = defineCommand({
  name: 'broker',
  summary: 'the dev Kafka-protocol broker (single node, in memory; development and tests only)',
  description:
    'A single-node, in-memory broker that speaks the Kafka wire protocol well enough for kafkajs and kcat. ' +
    'For development, tests and the one-command demo; production uses Apache Kafka.',
  settings: BROKER_CONFIG_SETTINGS,
  positionals: [],
  run: notBuiltYet('broker', 3),
});
