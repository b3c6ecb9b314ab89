/**
 * The broker's own logging interface. The broker imports nothing of the application, so it
 * declares what it needs; the CLI passes `createLogger('broker')`, which satisfies it, and tests
 * pass a collector or nothing.
 */
export type BrokerLogFields = Record<string, unknown>;

export interface BrokerLogger {
  debug(message: string, fields?: BrokerLogFields): void;
  info(message: string, fields?: BrokerLogFields): void;
  warn(message: string, fields?: BrokerLogFields): void;
  error(message: string, fields?: BrokerLogFields): void;
}

const ignore = (): void => {};

/** Drops everything: the default, so tests stay quiet unless they ask. */
export const SILENT_LOGGER: BrokerLogger = Object.freeze({
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
});
