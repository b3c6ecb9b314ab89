/**
 * Structured logging: one JSON object per line with a module name, or a compact human line when the
 * output is a terminal. Configured once by the CLI (`configureLogging`); every module takes its own
 * `createLogger('name')`, which reads the shared configuration at call time so late configuration
 * still applies to loggers created at import time.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'json' | 'pretty';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(module: string): Logger;
}

export interface LoggingOptions {
  readonly level: LogLevel;
  readonly format: LogFormat;
  /** Where finished lines go; tests pass an array push to capture them. */
  readonly write: (line: string) => void;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export const DEFAULT_LOGGING_OPTIONS: LoggingOptions = Object.freeze({
  level: 'info',
  format: process.stdout.isTTY ? 'pretty' : 'json',
  write: (line: string) => process.stdout.write(`${line}\n`),
});

let options: LoggingOptions = DEFAULT_LOGGING_OPTIONS;

/** Sets level, format and sink for every logger in the process. */
export function configureLogging(overrides: Partial<LoggingOptions>): void {
  options = Object.freeze({ ...options, ...overrides });
}

/** A logger that tags every line with `module`. */
export function createLogger(module: string): Logger {
  const emit = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (LEVEL_RANK[level] < LEVEL_RANK[options.level]) return;
    const ts = new Date().toISOString();
    const line =
      options.format === 'json'
        ? JSON.stringify({ ts, level, module, msg: message, ...serializeFields(fields) })
        : prettyLine(ts, level, module, message, fields);
    options.write(line);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (sub) => createLogger(`${module}.${sub}`),
  };
}

function serializeFields(fields: LogFields | undefined): LogFields {
  if (!fields) return {};
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = serializeValue(value);
  return out;
}

function serializeValue(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const error: LogFields = { name: value.name, message: value.message };
  if (value.stack) error.stack = value.stack;
  if (value.cause !== undefined) error.cause = serializeValue(value.cause);
  return error;
}

/** Terminal lines stay one line: errors show as `name: message (cause: …)`, stacks only in JSON. */
function prettyLine(
  ts: string,
  level: LogLevel,
  module: string,
  message: string,
  fields?: LogFields,
): string {
  const extras = Object.entries(fields ?? {})
    .map(
      ([k, v]) =>
        `${k}=${v instanceof Error ? briefError(v) : typeof v === 'string' ? v : JSON.stringify(v)}`,
    )
    .join(' ');
  return `${ts.slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${module}: ${message}${extras ? ` ${extras}` : ''}`;
}

function briefError(error: Error): string {
  const cause = error.cause instanceof Error ? ` (cause: ${briefError(error.cause)})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
