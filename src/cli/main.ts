/** Entry point of the `wattwatch` command. */
import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

const code = await runCli(process.argv.slice(2), COMMANDS, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
