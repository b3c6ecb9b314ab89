import { describeSettings } from '../config/describe-settings.ts';
import type { Command } from './command.ts';

/** `wattwatch --help`: every subcommand with one line each. */
export function mainHelp(commands: readonly Command[]): string {
  const names = commands.map((c) => [c.name, ...c.positionals.map((p) => p.name)].join(' '));
  const width = Math.max(...names.map((n) => n.length));
  const lines = commands.map((c, i) => `  ${names[i]?.padEnd(width)}  ${c.summary}`);
  return [
    'wattwatch: real-time monitor for industrial energy sensor fleets',
    '',
    'Usage: wattwatch <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'wattwatch <command> --help' for a command's options and environment variables.",
    'Every option can be set by its environment variable; a flag overrides the variable.',
    '',
  ].join('\n');
}

/** `wattwatch <command> --help`: usage, description, and every option with its env var. */
export function commandHelp(command: Command): string {
  const args = command.positionals.map((p) => ` ${p.name}`).join('');
  const positionals = command.positionals.map((p) => `  ${p.name}  ${p.describe}`);
  return [
    `Usage: wattwatch ${command.name}${args} [options]`,
    '',
    wrap(command.description, 100),
    '',
    ...(positionals.length > 0 ? ['Arguments:', ...positionals, ''] : []),
    'Options (flag, environment variable, meaning):',
    describeSettings(command.settings),
    '  -h, --help  show this help',
    '',
  ].join('\n');
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
