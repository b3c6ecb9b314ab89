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
  /** Where kafkajs' log lines go; a `kafkajs` logger by default (worker threads forward theirs). */
  readonly log?: Logger;
}

const LEVELS: Record<number, 'debug' | 'info' | 'warn' | 'error'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client for `connection`. */
export function createKafka(connection: KafkaConnection, options: KafkaClientOptions = {}): Kafka {
  const log = options.log ?? createLogger('kafkajs');
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

/**
 * kafkajs logs every failed connection attempt at ERROR with a stack trace, once per retry. Our own
 * code reports the outage once ("Kafka unreachable; retrying"), so the connection chatter goes to
 * debug, and stacks only show at debug level.
 */
const CONNECTION_NAMESPACES = new Set(['Connection', 'BrokerPool']);

function forward(log: Logger, { level, namespace, log: entry }: LogEntry): void {
  const {
    message,
    timestamp: _ts,
    logger: _l,
    stack,
    ...fields
  } = entry as unknown as Record<string, unknown>;
  const ours = CONNECTION_NAMESPACES.has(namespace) ? 'debug' : (LEVELS[level] ?? 'info');
  log[ours](String(message), { namespace, ...fields });
  if (stack !== undefined) log.debug('kafkajs stack', { namespace, stack });
}
