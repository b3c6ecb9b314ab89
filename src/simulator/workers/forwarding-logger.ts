/**
 * A Logger for worker threads: each line goes to the main thread as a message, which logs it with
 * its own logger and a `worker` field. So worker lines reach the same sink, format and level as
 * the main thread's (and tests' in-memory loggers see them), instead of a second stdout stream.
 */
import type { MessagePort } from 'node:worker_threads';
import type { LogFields, Logger, LogLevel } from '../../log/logger.ts';
import type { FromWorker } from './worker-protocol.ts';

export function createForwardingLogger(
  port: MessagePort,
  scope: 'simulate' | 'kafkajs',
  path: readonly string[] = [],
): Logger {
  const emit = (level: LogLevel, message: string, fields: LogFields = {}) => {
    const event: FromWorker = { type: 'log', scope, path, level, message, fields };
    try {
      port.postMessage(event);
    } catch {
      // A field that cannot be cloned (a function, a socket): send what JSON can say about it.
      port.postMessage({ ...event, fields: JSON.parse(JSON.stringify(fields, jsonSafe)) as LogFields });
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (name) => createForwardingLogger(port, scope, [...path, name]),
  };
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return typeof value === 'bigint' ? value.toString() : value;
}

/** The main thread's side: the logger a forwarded line belongs to. */
export function loggerFor(
  roots: Readonly<Record<'simulate' | 'kafkajs', Logger>>,
  event: Extract<FromWorker, { type: 'log' }>,
): Logger {
  return event.path.reduce((log, name) => log.child(name), roots[event.scope]);
}
