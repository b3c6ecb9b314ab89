import { ConfigError, type ConfigProblem } from './config-error.ts';
import type { ConfigOf, Setting, SettingsSpec } from './setting.ts';

export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

export interface ConfigSources {
  /** Environment variables; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Parsed CLI flags keyed by flag name; they override the environment. */
  readonly flags?: FlagValues;
}

/**
 * Reads every setting of `spec` from flags, then the environment, then its default; validates all
 * of them and throws one `ConfigError` naming every bad value. Empty environment values count as
 * unset, as compose files often write `FOO=`. The result is frozen.
 */
export function readConfig<S extends SettingsSpec>(spec: S, sources: ConfigSources = {}): ConfigOf<S> {
  const env = sources.env ?? process.env;
  const flags = sources.flags ?? {};
  const out: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [key, setting] of Object.entries(spec)) {
    const flagValue = flags[setting.flag];
    const envValue = env[setting.env];
    try {
      out[key] = resolve(setting, flagValue, envValue);
    } catch (error) {
      const fromFlag = flagValue !== undefined;
      const shown = fromFlag ? flagValue : envValue;
      const source = fromFlag ? `--${setting.flag} (${setting.env})` : setting.env;
      const value = setting.secret ? '' : `='${String(shown)}'`;
      problems.push({ source: `${source}${value}`, reason: (error as Error).message });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(out) as ConfigOf<S>;
}

function resolve(
  setting: Setting<unknown>,
  flagValue: string | boolean | undefined,
  envValue: string | undefined,
) {
  if (typeof flagValue === 'boolean') return setting.boolean ? flagValue : setting.parse(String(flagValue));
  if (flagValue !== undefined) return setting.parse(flagValue);
  if (envValue !== undefined && envValue.trim() !== '') return setting.parse(envValue);
  return setting.default;
}
