import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.ts';
import { readConfig } from '../config/read-config.ts';
import { configureLogging } from '../log/logger.ts';
import { type Command, type CommandIo, EXIT_USAGE } from './command.ts';
import { commandHelp, mainHelp } from './help.ts';

/** Parses `argv` (without node and script), runs the chosen subcommand, resolves to the exit code. */
export async function runCli(
  argv: readonly string[],
  commands: readonly Command[],
  io: CommandIo,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp(commands));
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`wattwatch: unknown command '${name}'\n\n${mainHelp(commands)}`);
    return EXIT_USAGE;
  }
  let parsed: ReturnType<typeof parseCommandArgs>;
  try {
    parsed = parseCommandArgs(command, rest);
  } catch (error) {
    io.stderr(
      `wattwatch ${command.name}: ${(error as Error).message}\nRun 'wattwatch ${command.name} --help'.\n`,
    );
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout(commandHelp(command));
    return 0;
  }
  const missing = command.positionals.slice(parsed.positionals.length);
  const extra = parsed.positionals.slice(command.positionals.length);
  if (missing.length > 0 || extra.length > 0) {
    const problem =
      missing.length > 0 ? `missing ${missing.map((p) => p.name).join(' ')}` : `unexpected '${extra[0]}'`;
    io.stderr(`wattwatch ${command.name}: ${problem}\nRun 'wattwatch ${command.name} --help'.\n`);
    return EXIT_USAGE;
  }
  let config: Record<string, unknown>;
  try {
    config = readConfig(command.settings, { env: io.env, flags: parsed.flags });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`wattwatch ${command.name}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  applyLogging(config);
  return command.run(config, parsed.positionals, io);
}

function parseCommandArgs(command: Command, args: readonly string[]) {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const setting of Object.values(command.settings)) {
    options[setting.flag] = { type: setting.boolean ? 'boolean' : 'string' };
  }
  const { values, positionals } = parseArgs({
    args: [...args],
    options,
    allowPositionals: true,
    allowNegative: true,
    strict: true,
  });
  const { help, ...flags } = values as Record<string, string | boolean | undefined>;
  return { help: help === true, flags, positionals };
}

function applyLogging(config: Record<string, unknown>): void {
  const level = config.logLevel as 'debug' | 'info' | 'warn' | 'error' | undefined;
  const format = config.logFormat as 'auto' | 'json' | 'pretty' | undefined;
  configureLogging({
    ...(level ? { level } : {}),
    ...(format && format !== 'auto' ? { format } : {}),
  });
}
