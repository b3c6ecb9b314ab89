import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir } from '../../../test/support/datasets.ts';
import { closedPort, spawnCli } from '../../../test/support/spawn-cli.ts';
import { configureLogging } from '../../log/logger.ts';
import { runCli } from '../run-cli.ts';
import { COMMANDS } from './index.ts';

describe('wattwatch replay (no Kafka reachable)', () => {
  it('waits for Kafka without losing rows, and on SIGINT stops, reports and exits 0', async () => {
    const broker = `127.0.0.1:${await closedPort()}`;
    const file = `${datasetsDir()}/nab/data/artificialWithAnomaly/art_daily_jumpsup.csv`;
    const cli = spawnCli(['replay', file, '--speed', '0', '--brokers', broker, '--sensor-id', 'nab_cli']);
    const started = await cli.waitFor((l) => l.msg === 'replaying');
    expect(started).toMatchObject({ format: 'nab', sensor_id: 'nab_cli', speed: 0, timestamps: 'live' });
    await cli.waitFor((l) => l.msg === 'Kafka unreachable; retrying');
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.lines.find((l) => l.msg === 'replay stopped')).toMatchObject({ sent: 0, complete: false });
  });

  it('exits 1 with a message naming the file when its layout is unknown', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ww-cli-')), 'odd.csv');
    writeFileSync(path, 'a,b,c\n1,2,3\n');
    const logged: string[] = [];
    configureLogging({ format: 'json', write: (line) => logged.push(line) });
    const stderr: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => stderr.push(t), env: {} };
    expect(await runCli(['replay', path, '--brokers', '127.0.0.1:9'], COMMANDS, io)).toBe(1);
    expect(stderr.join('')).toContain(`${path}: unknown CSV layout`);
    expect(logged.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'cannot replay', file: path }),
    );
  });
});
