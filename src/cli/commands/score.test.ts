import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir } from '../../../test/support/datasets.ts';
import type { CommandIo } from '../command.ts';
import { runCli } from '../run-cli.ts';
import { COMMANDS } from './index.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'ww-score-'));

describe('wattwatch score', () => {
  it('scores a NAB file: one row per reading, quality figures and the NAB score', async () => {
    const output = join(tmp(), 'scores.csv');
    const c = capture();
    const path = join(datasetsDir(), 'nab/data/realTraffic/speed_7578.csv');
    expect(await runCli(['score', path, '--output', output], COMMANDS, c.io)).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'ts,sensor_id,anomaly_score,is_anomaly,status,failure_probability,model_version,reasons,label',
    );
    expect(lines).toHaveLength(1 + 1127);
    expect(lines[1]).toMatch(/^2015-09-08T11:39:00\.000Z,nab_speed_7578,0\.0000,0,normal,/);
    expect(lines.some((l) => /,1,(warning|critical),.*,labelled$/.test(l))).toBe(true);
    expect(c.out()).toMatch(
      /precision \d\.\d{3} {2}recall \d\.\d{3} {2}F1 \d\.\d{3} {2}false-alarm rate [\d.]+% {2}missed-alarm rate/,
    );
    expect(c.out()).toMatch(/labelled episodes 4, detected \d, mean detection delay/);
    expect(c.out()).toMatch(/NAB standard profile, this file: -?[\d.]+ with alert onsets/);
  });

  it('scores a SKAB experiment to standard output with the figures on standard error', async () => {
    const c = capture();
    const path = join(datasetsDir(), 'skab/valve1/1.csv');
    expect(await runCli(['score', path], COMMANDS, c.io)).toBe(0);
    expect(c.out().trim().split('\n')).toHaveLength(1 + 1145);
    expect(c.err()).toMatch(/readings 1145, labelled anomalous 402/);
    expect(c.err()).not.toMatch(/NAB/);
  });

  it('reports bad rows with their line numbers and scores the rest of an unlabelled fleet file', async () => {
    const path = join(tmp(), 'fleet.csv');
    const rows = ['sensor_id,ts,device_type,location,current,temperature'];
    for (let i = 0; i < 200; i++) {
      const ts = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      rows.push(`m1,${ts},motor,floor_a,${20 + (i % 7) / 10},${40 + (i % 5) / 10}`);
    }
    rows.push('m1,not-a-time,motor,floor_a,1,2');
    writeFileSync(path, `${rows.join('\n')}\n`);
    const c = capture();
    expect(await runCli(['score', path, '--warmup', '50'], COMMANDS, c.io)).toBe(0);
    expect(c.err()).toMatch(/fleet\.csv:202: bad timestamp 'not-a-time'/);
    expect(c.err()).toMatch(/1 rows skipped/);
    expect(c.err()).toMatch(/readings 200, labelled anomalous 0/);
    expect(c.out().trim().split('\n')).toHaveLength(201);
  });

  it('fails cleanly on a file it cannot read', async () => {
    const c = capture();
    expect(await runCli(['score', join(tmp(), 'missing.csv')], COMMANDS, c.io)).toBe(1);
    expect(c.err()).toMatch(/wattwatch score: .*missing\.csv/);
  });
});
