import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { integer } from '../config/parsers.ts';
import { defineSetting } from '../config/setting.ts';
import { type CommandIo, defineCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

function capture(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const echo = defineCommand({
  name: 'echo',
  summary: 'test command',
  description: 'prints its config',
  settings: {
    count: defineSetting({ env: 'ECHO_COUNT', flag: 'count', describe: 'n', default: 1, ...integer(1, 9) }),
  },
  positionals: [{ name: 'FILE', describe: 'a file' }],
  run: async (config, args, io) => {
    io.stdout(`${config.count} ${args.join(',')}`);
    return 0;
  },
});

describe('runCli', () => {
  it('lists every subcommand of the design with one line each', async () => {
    const c = capture();
    expect(await runCli(['--help'], COMMANDS, c.io)).toBe(0);
    for (const name of ['simulate', 'replay FILE', 'process', 'serve', 'broker', 'all', 'score FILE']) {
      expect(c.out()).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    }
  });

  it('shows a command help with its flags and environment variables', async () => {
    const c = capture();
    expect(await runCli(['simulate', '--help'], COMMANDS, c.io)).toBe(0);
    expect(c.out()).toContain('Usage: wattwatch simulate [options]');
    for (const env of [
      'TOTAL_SENSORS',
      'SIM_SEED',
      'KAFKA_BROKERS',
      'SENSOR_INTERVAL_MS',
      'HEARTBEAT_INTERVAL_MS',
    ]) {
      expect(c.out()).toContain(env);
    }
  });

  it('passes env config, flag overrides and positionals to the command', async () => {
    const c = capture({ ECHO_COUNT: '3' });
    expect(await runCli(['echo', 'data.csv'], [echo], c.io)).toBe(0);
    expect(c.out()).toBe('3 data.csv');
    const d = capture({ ECHO_COUNT: '3' });
    expect(await runCli(['echo', '--count', '7', 'x.csv'], [echo], d.io)).toBe(0);
    expect(d.out()).toBe('7 x.csv');
  });

  it('exits 2 with a message on unknown commands, unknown flags, bad values and missing arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['echo', '--colour', 'red', 'f'], /Unknown option '--colour'/],
      [['echo', '--count', '12', 'f'], /--count \(ECHO_COUNT\)='12': must be an integer 1\.\.9/],
      [['echo'], /missing FILE/],
      [['echo', 'a', 'b'], /unexpected 'b'/],
    ];
    for (const [argv, message] of cases) {
      const c = capture();
      expect(await runCli(argv, [echo], c.io)).toBe(2);
      expect(c.err()).toMatch(message);
    }
  });

  it('names every bad environment variable at once', async () => {
    const c = capture({ TOTAL_SENSORS: '-5', SENSOR_INTERVAL_MS: 'fast' });
    expect(await runCli(['simulate'], COMMANDS, c.io)).toBe(2);
    expect(c.err()).toMatch(/SENSOR_INTERVAL_MS='fast'/);
    expect(c.err()).toMatch(/TOTAL_SENSORS='-5'/);
  });
});

describe('the wattwatch launcher', () => {
  const run = promisify(execFile);

  it('runs the CLI from a source checkout', async () => {
    const { stdout } = await run(process.execPath, ['bin/wattwatch.js', '--help']);
    expect(stdout).toContain('Usage: wattwatch <command> [options]');
  });

  it('exits with the command status', async () => {
    const failure = await run(process.execPath, ['bin/wattwatch.js', 'simulate', '--sensors', 'x']).catch(
      (e) => e,
    );
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain("--sensors (TOTAL_SENSORS)='x'");
  });
});
