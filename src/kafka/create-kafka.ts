/**
 * The one place a kafkajs client is built from configuration: brokers, client id, TLS, SASL, and
 * kafkajs' own logs routed into our structured logger.
 */
import { Kafka, type KafkaConfig as KafkaJsConfig, type LogEntry, logLevel, type SASLOptions } from 'kafkajs';
import type { KAFKA_SETTINGS } from '../config/kafka-settings.ts';
import type { ConfigOf } from '../config/setting.ts';
import { createLogger, type Logger } from '../log/logger.ts';

export type KafkaConnection = Pick<
  ConfigOf<typeof KAFKA_SETTINGS>,
  'brokers' | 'clientId' | 'ssl' | 'saslMechanism' | 'saslUsername' | 'saslPassword'
>;

export interface KafkaClientOptions {
  /** kafkajs level; protocol errors it handles itself (rebalances, topic exists) log at ERROR, so WARN hides them poorly. */
  readonly logLevel?: logLevel;
  /** Extra kafkajs settings (tests pass shorter timeouts explicitly). */
  readonly overrides?: Partial<KafkaJsConfig>;
}

const LEVELS: Record<number, 'debug' | 'info' | 'warn' | 'error'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client for `connection`. */
export function createKafka(connection: KafkaConnection, options: KafkaClientOptions = {}): Kafka {
  const log = createLogger('kafkajs');
  return new Kafka({
    clientId: connection.clientId,
    brokers: [...connection.brokers],
    ssl: connection.ssl,
    ...(connection.saslMechanism === 'none' ? {} : { sasl: saslOptions(connection) }),
    logLevel: options.logLevel ?? logLevel.WARN,
    logCreator: () => (entry: LogEntry) => forward(log, entry),
    ...options.overrides,
  });
}

function saslOptions(connection: KafkaConnection): SASLOptions {
  const credentials = { username: connection.saslUsername, password: connection.saslPassword };
  switch (connection.saslMechanism) {
    case 'plain':
      return { mechanism: 'plain', ...credentials };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', ...credentials };
    default:
      return { mechanism: 'scram-sha-512', ...credentials };
  }
}

function forward(log: Logger, { level, namespace, log: entry }: LogEntry): void {
  const { message, timestamp: _ts, logger: _l, ...fields } = entry as unknown as Record<string, unknown>;
  log[LEVELS[level] ?? 'info'](String(message), { namespace, ...fields });
}
