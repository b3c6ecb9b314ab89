import type { ConfigOf, SettingsSpec } from '../config/setting.ts';

/** Where a command writes what the user asked for (help, URLs, tables); logs go through the logger. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface PositionalArg {
  readonly name: string;
  readonly describe: string;
}

/** One `wattwatch <name>` subcommand: its settings, its arguments, and what it runs. */
export interface Command<S extends SettingsSpec = SettingsSpec> {
  readonly name: string;
  /** One line for `wattwatch --help`. */
  readonly summary: string;
  /** A paragraph for `wattwatch <name> --help`. */
  readonly description: string;
  readonly settings: S;
  readonly positionals: readonly PositionalArg[];
  /** Runs until done or stopped by a signal; resolves to the exit code. */
  run(config: ConfigOf<S>, args: readonly string[], io: CommandIo): Promise<number>;
}

/** Declares a command; keeps the settings' types for `run`. */
export function defineCommand<S extends SettingsSpec>(command: Command<S>): Command<S> {
  return command;
}

/** Exit status of a command that exists in the CLI but whose issue is not done yet. */
export const EXIT_NOT_BUILT = 2;
export const EXIT_USAGE = 2;

/** `run` for a subcommand that is not built yet: says so and exits with status 2. */
export function notBuiltYet(name: string, issue: number) {
  return async (_config: unknown, _args: readonly string[], io: CommandIo): Promise<number> => {
    io.stderr(`wattwatch ${name} is not built yet (tracked in issue ${issue}).\n`);
    return EXIT_NOT_BUILT;
  };
}
