import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsDir } from '../../../test/support/datasets.ts';
import { ManualClock } from '../../../test/support/manual-clock.ts';
import { MemorySink, memoryLogger } from '../../../test/support/memory-sink.ts';
import { decodeHeartbeat } from '../../domain/heartbeat.ts';
import { decodeReading } from '../../domain/reading-codec.ts';
import { openReplayFile } from './read-replay-file.ts';
import type { ReplayMapping } from './replay-row.ts';
import { DEFAULT_REPLAY_RUN_OPTIONS, type ReplayRunOptions, startReplayRun } from './run-replay.ts';

const DATA = datasetsDir();
const NOW = Date.parse('2026-11-22T06:00:00Z');
const OPTIONS: ReplayRunOptions = {
  ...DEFAULT_REPLAY_RUN_OPTIONS,
  speed: 0,
  timestamps: 'recorded',
  topic: 'sensor-data',
  heartbeatTopic: 'producer-heartbeat',
  heartbeatIntervalMs: 2000,
  producerId: 'replay-test',
  producerHost: 'host-r',
  backoff: { initialMs: 1000, maxMs: 4000, factor: 2 },
};

async function replay(
  path: string,
  options: Partial<ReplayRunOptions> = {},
  mapping: Partial<ReplayMapping> = {},
) {
  const clock = new ManualClock(NOW);
  const sink = new MemorySink(clock);
  const { log, lines } = memoryLogger();
  const file = await openReplayFile(path, { seqBase: NOW, ...mapping });
  const run = startReplayRun(file, { ...OPTIONS, ...options }, { sink, log, clock });
  const readings = () =>
    sink.on('sensor-data').map((m) => {
      const decoded = decodeReading(m.value);
      if (!decoded.ok) throw new Error(decoded.message);
      return { key: m.key, at: m.at, reading: decoded.value };
    });
  return { clock, sink, lines, run, readings };
}

/** Advances the manual clock in steps until the replay is done. */
async function finish(clock: ManualClock, run: { done: Promise<unknown> }, stepMs: number) {
  let finished = false;
  run.done.then(() => {
    finished = true;
  });
  while (!finished) await clock.advance(stepMs);
}

async function advanceUntil(clock: ManualClock, condition: () => boolean) {
  while (!condition()) await clock.advance(100);
}

function tempCsv(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ww-replay-run-')), 'fleet.csv');
  writeFileSync(path, text);
  return path;
}

describe('startReplayRun', () => {
  it('publishes a NAB file as fast as possible: every row, keyed, labelled, recorded timestamps', async () => {
    const { run, readings } = await replay(
      `${DATA}/nab/data/artificialWithAnomaly/art_daily_jumpsup.csv`,
      {},
      {
        sensorId: 'nab_1',
        metric: 'temperature',
      },
    );
    const result = await run.done;
    expect(result).toMatchObject({ complete: true, sent: 4032, badRows: 0, failed: 0 });
    const all = readings();
    expect(all).toHaveLength(4032);
    expect(all.every((r) => r.key === 'nab_1' && r.reading.sensor_id === 'nab_1')).toBe(true);
    expect(all[0]?.reading).toMatchObject({
      ts: '2014-04-01T00:00:00.000Z',
      seq: NOW,
      temperature: 19.761251902999998,
    });
    expect(all.filter((r) => r.reading.injected === 'labelled')).toHaveLength(403);
    expect(all.map((r) => r.reading.seq)).toEqual(all.map((_, k) => NOW + k));
  });

  it('publishes a SKAB file with its channels and labels, stamped live when asked', async () => {
    const { run, readings } = await replay(`${DATA}/skab/valve1/1.csv`, { timestamps: 'live' });
    await run.done;
    const all = readings();
    expect(all).toHaveLength(1145);
    expect(all[0]?.reading).toMatchObject({
      sensor_id: 'skab_valve1_1',
      ts: '2026-11-22T06:00:00.000Z',
      current: 0.871339,
      extra: { flow_rate: 32 },
    });
    expect(all.filter((r) => r.reading.injected === 'labelled')).toHaveLength(402);
  });

  it('paces rows by their recorded spacing divided by the speed, never early', async () => {
    const rows = Array.from(
      { length: 6 },
      (_, k) => `2026-01-01 00:00:${String(k * 10).padStart(2, '0')},${k}`,
    );
    const path = tempCsv(['timestamp,value', ...rows].join('\n'));
    const { clock, run, readings } = await replay(
      path,
      { speed: 2, timestamps: 'live' },
      { nabLabels: 'none' },
    );
    await finish(clock, run, 250);
    const all = readings();
    expect(all.map((r) => r.reading.ts)).toEqual(
      [0, 5, 10, 15, 20, 25].map((s) => new Date(NOW + s * 1000).toISOString()),
    );
    for (const r of all) expect(r.at).toBeGreaterThanOrEqual(Date.parse(r.reading.ts));
    expect(clock.now() - NOW).toBeGreaterThanOrEqual(25_000);
  });

  it('reports bad rows with their line numbers, skips them and publishes the rest', async () => {
    const path = tempCsv(
      [
        'sensor_id,ts,device_type,location,current',
        's1,2026-11-22T06:00:00Z,motor,floor_a,12.5',
        's1,not-a-time,motor,floor_a,12.5',
        's2,2026-11-22T06:00:01Z,toaster,floor_a,1',
        's2,2026-11-22T06:00:02Z,pump,floor_b,3',
      ].join('\n'),
    );
    const { run, lines, readings } = await replay(path);
    const result = await run.done;
    expect(result).toMatchObject({ sent: 2, badRows: 2, badLines: [3, 4] });
    expect(readings().map((r) => r.key)).toEqual(['s1', 's2']);
    const warnings = lines.filter((l) => l.message === 'bad row skipped');
    expect(warnings.map((w) => w.fields.line)).toEqual([3, 4]);
    expect(warnings[0]?.fields.reason).toMatch(/bad timestamp 'not-a-time'/);
  });

  it('waits for Kafka and retries a failed batch until delivered: recorded rows are never lost', async () => {
    const rows = Array.from({ length: 20 }, (_, k) => `2026-01-01 00:00:${String(k).padStart(2, '0')},${k}`);
    const path = tempCsv(['timestamp,value', ...rows].join('\n'));
    const { clock, sink, lines, run, readings } = await replay(path, { speed: 1 }, { nabLabels: 'none' });
    sink.connected = false;
    // Condition-driven, not timed: the file is read by real I/O while the clock is manual.
    await advanceUntil(clock, () => run.stats().inFlight === 1);
    await clock.advance(5000);
    expect(sink.messages).toHaveLength(0);
    sink.connected = true;
    sink.failing = true;
    await advanceUntil(clock, () => run.stats().sendErrors >= 2);
    sink.failing = false;
    await finish(clock, run, 500);
    const result = await run.done;
    expect(result.sendErrors).toBeGreaterThan(0);
    expect(result.failed).toBe(0);
    expect(readings().map((r) => r.reading.extra?.value ?? r.reading.power_kw)).toEqual(
      rows.map((_, k) => k),
    );
    expect(lines.filter((l) => l.level === 'error' && /retrying the batch/.test(l.message))).toHaveLength(1);
  });

  it('sends heartbeats with the sensors seen and the total sent', async () => {
    const rows = Array.from({ length: 10 }, (_, k) => `2026-01-01 00:00:${String(k).padStart(2, '0')},${k}`);
    const path = tempCsv(['timestamp,value', ...rows].join('\n'));
    const { clock, sink, run, readings } = await replay(
      path,
      { speed: 1 },
      { nabLabels: 'none', sensorId: 'one' },
    );
    await advanceUntil(clock, () => readings().length > 0);
    await finish(clock, run, 500);
    const beats = sink.on('producer-heartbeat').map((b) => decodeHeartbeat(b.value));
    expect(beats.length).toBeGreaterThanOrEqual(4);
    const last = beats.at(-1);
    expect(last?.ok && last.value).toMatchObject({ producer_id: 'replay-test', sensors: 1 });
    expect(last?.ok && last.value.sent_total).toBeGreaterThan(0);
  });

  it('stops early on request, flushing what it has', async () => {
    const rows = Array.from({ length: 50 }, (_, k) => `2026-01-01 00:${String(k).padStart(2, '0')}:00,${k}`);
    const path = tempCsv(['timestamp,value', ...rows].join('\n'));
    const { clock, run, readings } = await replay(path, { speed: 1 }, { nabLabels: 'none' });
    await advanceUntil(clock, () => readings().length >= 2);
    const stopping = run.stop();
    await clock.advance(100);
    const result = await stopping;
    expect(result.complete).toBe(false);
    const published = readings().length;
    expect(published).toBeGreaterThanOrEqual(2);
    expect(published).toBeLessThan(50);
    await clock.advance(600_000);
    expect(readings()).toHaveLength(published);
  });
});
