import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir } from '../../../test/support/datasets.ts';
import type { Reading } from '../../domain/reading.ts';
import { openReplayFile } from './read-replay-file.ts';
import type { ReplayRow } from './replay-row.ts';

const DATA = datasetsDir();

async function collect(path: string, overrides = {}) {
  const file = await openReplayFile(path, overrides);
  const rows: ReplayRow[] = [];
  for await (const row of file.rows()) rows.push(row);
  const readings = rows.flatMap((r) => (r.kind === 'reading' ? [r.reading] : []));
  const errors = rows.flatMap((r) => (r.kind === 'error' ? [r] : []));
  return { file, rows, readings, errors };
}

function tempCsv(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ww-replay-')), name);
  writeFileSync(path, text);
  return path;
}

describe('openReplayFile: NAB', () => {
  const path = `${DATA}/nab/data/artificialWithAnomaly/art_daily_jumpsup.csv`;

  it('maps timestamp,value onto one sensor and metric, with labels from the NAB windows', async () => {
    const { file, readings, errors } = await collect(path, { metric: 'temperature', seqBase: 1000 });
    expect(file.format).toBe('nab');
    expect(errors).toEqual([]);
    expect(readings).toHaveLength(4032);
    const first = readings[0] as Reading;
    expect(first).toMatchObject({
      sensor_id: 'nab_art_daily_jumpsup',
      ts: '2014-04-01T00:00:00.000Z',
      seq: 1000,
      temperature: 19.761251902999998,
      current: null,
      injected: null,
    });
    expect(readings[1]?.seq).toBe(1001);
    // The one window of this file: 2014-04-10 16:15 .. 2014-04-12 01:45, 5-minute steps, inclusive.
    const labelled = readings.filter((r) => r.injected === 'labelled');
    expect(labelled).toHaveLength(403);
    expect(labelled[0]?.ts).toBe('2014-04-10T16:15:00.000Z');
    expect(labelled.at(-1)?.ts).toBe('2014-04-12T01:45:00.000Z');
  });

  it('can skip labels and send the value to an extra channel', async () => {
    const { readings } = await collect(path, { nabLabels: 'none', metric: 'extra.value', sensorId: 'cpu_1' });
    expect(readings.every((r) => r.injected === null)).toBe(true);
    expect(readings[0]).toMatchObject({
      sensor_id: 'cpu_1',
      power_kw: null,
      extra: { value: 19.761251902999998 },
    });
  });
});

describe('openReplayFile: SKAB', () => {
  it('maps the eight channels and the anomaly column', async () => {
    const { file, readings, errors } = await collect(`${DATA}/skab/valve1/1.csv`, { seqBase: 0 });
    expect(file.format).toBe('skab');
    expect(errors).toEqual([]);
    expect(readings).toHaveLength(1145);
    expect(readings[0]).toMatchObject({
      sensor_id: 'skab_valve1_1',
      device_type: 'pump',
      ts: '2020-03-09T10:34:33.000Z',
      vibration: 0.0270797,
      current: 0.871339,
      pressure: 0.054711,
      temperature: 75.4955,
      voltage: 244.091,
      extra: { accelerometer2_rms: 0.039615, thermocouple: 25.8338, flow_rate: 32 },
      injected: null,
    });
    expect(readings.filter((r) => r.injected === 'labelled')).toHaveLength(402);
  });
});

describe('openReplayFile: wattwatch CSV', () => {
  it('reads readings, numbers seq per sensor when absent, and reports bad rows with their line number', async () => {
    const path = tempCsv(
      'fleet.csv',
      [
        'sensor_id,ts,device_type,location,current,temperature,extra.flow_rate,injected',
        'sensor_001,2026-11-22T06:00:00Z,motor,floor_a,12.5,40.1,,',
        'sensor_001,2026-11-22T06:00:01Z,motor,floor_a,12.7,40.2,3.5,spike',
        'sensor_002,2026-11-22 06:00:01,pump,floor_b,abc,40.2,,',
        'sensor_002,yesterday,pump,floor_b,1,2,,',
        'sensor_002,2026-11-22T06:00:02Z,toaster,floor_b,1,2,,',
        'sensor_002,2026-11-22T06:00:03Z,pump,floor_b,1',
        'sensor_002,2026-11-22T06:00:04Z,pump,floor_b,1,2,,',
      ].join('\n'),
    );
    const { file, rows, readings, errors } = await collect(path, { seqBase: 50 });
    expect(file.format).toBe('wattwatch');
    expect(rows).toHaveLength(7);
    expect(readings.map((r) => [r.sensor_id, r.seq, r.injected])).toEqual([
      ['sensor_001', 50, null],
      ['sensor_001', 51, 'spike'],
      ['sensor_002', 50, null],
    ]);
    expect(readings[1]).toMatchObject({
      current: 12.7,
      temperature: 40.2,
      extra: { flow_rate: 3.5 },
      voltage: null,
    });
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6, 7]);
    expect(errors[0]?.message).toMatch(/current 'abc' is not a number/);
    expect(errors[1]?.message).toMatch(/bad timestamp 'yesterday'/);
    expect(errors[2]?.message).toMatch(/device_type: 'toaster' is not a known value/);
    expect(errors[3]?.message).toMatch(/expected 8 columns, got 5/);
  });

  it('refuses a file whose layout it does not recognize', async () => {
    const path = tempCsv('odd.csv', 'a,b,c\n1,2,3\n');
    await expect(openReplayFile(path)).rejects.toThrow(/unknown CSV layout/);
  });
});
