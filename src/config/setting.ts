/**
 * A setting is one configurable value: its environment variable, its `--flag`, a default, a parser
 * and a line of help. Each process's configuration is a record of settings, so env parsing, flag
 * parsing, `--help` and error messages all come from one table and cannot drift apart.
 */
export type Parser<T> = (raw: string) => T;

export interface Setting<T> {
  /** Environment variable name, e.g. `TOTAL_SENSORS`; must match the compose files. */
  readonly env: string;
  /** CLI flag without dashes, e.g. `sensors` for `--sensors`. */
  readonly flag: string;
  readonly describe: string;
  readonly default: T;
  /** Turns the raw text into a value or throws `SettingValueError` saying what is allowed. */
  readonly parse: Parser<T>;
  /** Short form of the accepted values for help output, e.g. `integer 1..1000000`. */
  readonly hint: string;
  /** Secrets are never echoed back in errors or help. */
  readonly secret?: boolean;
  /** Flags of boolean settings take no value (`--auto-create` / `--no-auto-create`). */
  readonly boolean?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: the value type varies per setting; ConfigOf recovers it.
export type SettingsSpec = Readonly<Record<string, Setting<any>>>;

export type ConfigOf<S extends SettingsSpec> = {
  readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never;
};

/** Thrown by parsers; the message says what values are allowed. */
export class SettingValueError extends Error {
  override readonly name = 'SettingValueError';
}

/** Declares a setting; a plain identity helper that keeps the literal types. */
export function defineSetting<T>(setting: Setting<T>): Setting<T> {
  return Object.freeze(setting);
}

/** The default value of every setting in a spec. */
export function defaultsOf<S extends SettingsSpec>(spec: S): ConfigOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(spec)) out[key] = setting.default;
  return Object.freeze(out) as ConfigOf<S>;
}
