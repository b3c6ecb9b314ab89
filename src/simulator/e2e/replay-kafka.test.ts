/**
 * `replay` of the shared NAB and SKAB recordings into the dev broker, read back by a kafkajs
 * consumer: exactly the file's rows (values, order, labels), bad rows reported by line number,
 * and paced sends at --speed > 0 (checked against the record timestamps kafkajs stamps at send
 * time: lower bounds only, so a slow machine cannot fail it).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTopics, type TopicCollector } from '../../../test/support/broker/collect-topics.ts';
import { analyseHeartbeats, analyseReadings } from '../../../test/support/broker/reading-stream.ts';
import { TEST_BROKER_OPTIONS, testKafka } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import { datasetsDir } from '../../../test/support/datasets.ts';
import { memoryLogger } from '../../../test/support/memory-sink.ts';
import { DEFAULT_REPLAY_CONFIG, type ReplayConfig } from '../../config/replay-config.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { startReplay } from '../start-replay.ts';

const DATA = datasetsDir();
const NAB_FILE = 'realTraffic/speed_7578.csv';
let broker: RunningBroker;
let kafka: Kafka;
const collectors: TopicCollector[] = [];

beforeAll(async () => {
  broker = await startBroker({ ...TEST_BROKER_OPTIONS, autoCreateTopics: false });
  kafka = testKafka(broker, 'replay-e2e');
});

afterAll(async () => {
  await Promise.all(collectors.map((c) => c.stop()));
  await broker.close();
});

/** Replays `path` to its own topics and waits until a consumer has every reading it sent. */
async function replay(name: string, path: string, overrides: Partial<ReplayConfig> = {}) {
  const config: ReplayConfig = {
    ...DEFAULT_REPLAY_CONFIG,
    brokers: [broker.bootstrap],
    topic: `${name}-readings`,
    heartbeatTopic: `${name}-heartbeats`,
    partitions: 3,
    producerId: `replay-${name}`,
    speed: 0,
    timestamps: 'recorded',
    ...overrides,
  };
  const { log, lines } = memoryLogger();
  const started = await startReplay(config, path, { log });
  const result = await started.finished();
  const collector = await collectTopics(kafka, [config.topic, config.heartbeatTopic], `${name}-readers`);
  collectors.push(collector);
  await waitUntil(
    () =>
      collector.of(config.topic).length >= result.sent &&
      analyseHeartbeats(collector.of(config.heartbeatTopic)).heartbeats.some((h) => h.stopped),
    `${result.sent} readings and the final heartbeat of ${name}`,
  );
  const messages = collector.of(config.topic);
  const stream = analyseReadings(messages);
  expect(stream.invalid).toEqual([]);
  expect(stream.misKeyed).toEqual([]);
  expect(stream.outOfOrder).toEqual([]);
  const final = analyseHeartbeats(collector.of(config.heartbeatTopic)).heartbeats.at(-1);
  expect(final).toMatchObject({ producer_id: config.producerId, stopped: true, sent_total: result.sent });
  return { result, readings: stream.readings, messages, lines };
}

/** NAB's naive timestamps are UTC. */
const utc = (text: string) => Date.parse(`${text.trim().slice(0, 23).replace(' ', 'T')}Z`);

describe('replay → dev broker', () => {
  it('publishes a NAB file row for row, labels from its windows, bad rows reported by line', async () => {
    // A copy laid out as NAB is (data/<category>/<file>, labels/ two levels up), two lines broken.
    const root = mkdtempSync(join(tmpdir(), 'ww-nab-'));
    mkdirSync(join(root, 'data', 'realTraffic'), { recursive: true });
    mkdirSync(join(root, 'labels'));
    copyFileSync(join(DATA, 'nab/labels/combined_windows.json'), join(root, 'labels/combined_windows.json'));
    const lines = readFileSync(join(DATA, 'nab/data', NAB_FILE), 'utf8')
      .trim()
      .split(/\r?\n/);
    lines[9] = '2015-09-08 12:51:00,n/a'; // file line 10
    lines[499] = '2015-13-45 99:00:00,12'; // file line 500
    const path = join(root, 'data', NAB_FILE);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const good = lines.slice(1).filter((_, k) => k + 2 !== 10 && k + 2 !== 500);
    const windows = (
      JSON.parse(readFileSync(join(DATA, 'nab/labels/combined_windows.json'), 'utf8')) as Record<
        string,
        [string, string][]
      >
    )[NAB_FILE] as [string, string][];
    const labelled = good.filter((row) => {
      const t = utc(row.split(',')[0] as string);
      return windows.some(([start, end]) => t >= utc(start) && t <= utc(end));
    }).length;
    expect(labelled).toBeGreaterThan(0);

    const { result, readings, lines: logged } = await replay('nab', path, { sensorId: 'nab_speed' });
    expect(result).toMatchObject({ complete: true, badRows: 2, badLines: [10, 500], failed: 0 });
    expect(logged.filter((l) => l.message === 'bad row skipped').map((l) => l.fields.line)).toEqual([
      10, 500,
    ]);
    expect(result.sent).toBe(good.length);
    expect(readings).toHaveLength(good.length);
    expect(readings.map((r) => r.power_kw)).toEqual(good.map((row) => Number(row.split(',')[1])));
    expect(readings[0]).toMatchObject({
      sensor_id: 'nab_speed',
      ts: '2015-09-08T11:39:00.000Z',
      power_kw: 73,
    });
    expect(readings.at(-1)).toMatchObject({ ts: '2015-09-17T14:05:00.000Z', power_kw: 27 });
    expect(readings.filter((r) => r.injected === 'labelled')).toHaveLength(labelled);
    expect(readings.filter((r) => r.injected !== 'labelled').every((r) => r.injected === null)).toBe(true);
  });

  it('publishes a SKAB file row for row with its anomaly column as labels', async () => {
    const path = join(DATA, 'skab/valve1/1.csv');
    const rows = readFileSync(path, 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(';'));
    const { result, readings } = await replay('skab', path);
    expect(result).toMatchObject({ complete: true, badRows: 0, failed: 0 });
    expect(readings).toHaveLength(rows.length);
    // Columns: datetime;Accelerometer1RMS;Accelerometer2RMS;Current;Pressure;Temperature;…;anomaly;changepoint
    expect(readings.map((r) => r.current)).toEqual(rows.map((c) => Number(c[3])));
    expect(readings.map((r) => r.temperature)).toEqual(rows.map((c) => Number(c[5])));
    expect(readings[0]).toMatchObject({ sensor_id: 'skab_valve1_1', ts: '2020-03-09T10:34:33.000Z' });
    expect(readings.at(-1)?.ts).toBe('2020-03-09T10:54:33.000Z');
    expect(readings.at(-1)?.extra).toMatchObject({ flow_rate: 31.999 });
    const anomalous = rows.filter((c) => Number(c[9]) === 1).length;
    expect(anomalous).toBeGreaterThan(0);
    expect(readings.filter((r) => r.injected === 'labelled')).toHaveLength(anomalous);
  });

  it('paces rows by their recorded spacing at --speed > 0, in order, never early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-paced-'));
    const head = readFileSync(join(DATA, 'nab/data', NAB_FILE), 'utf8')
      .split(/\r?\n/)
      .slice(0, 9);
    const path = join(dir, 'paced.csv');
    writeFileSync(path, `${head.join('\n')}\n`);
    const recorded = head.slice(1).map((row) => utc(row.split(',')[0] as string));
    const speed = 6000; // 5 recorded minutes → 50 ms
    const { readings, messages } = await replay('paced', path, {
      speed,
      timestamps: 'live',
      nabLabels: 'none',
    });
    expect(readings.map((r) => r.power_kw)).toEqual(head.slice(1).map((row) => Number(row.split(',')[1])));
    const due = readings.map((r) => Date.parse(r.ts));
    for (let k = 1; k < due.length; k++) {
      // Live ts = when the row fell due: at least the recorded gap / speed after the previous one.
      const gap = ((recorded[k] as number) - (recorded[k - 1] as number)) / speed;
      expect((due[k] as number) - (due[k - 1] as number)).toBeGreaterThanOrEqual(Math.floor(gap) - 1);
    }
    // kafkajs stamps a record when it encodes its batch: never before the row was due, so the
    // sends really were spread over at least the recorded span / speed.
    messages.forEach((m, k) => {
      expect(m.timestamp).toBeGreaterThanOrEqual(due[k] as number);
    });
    expect((due.at(-1) as number) - (due[0] as number)).toBeGreaterThanOrEqual(
      Math.floor(((recorded.at(-1) as number) - (recorded[0] as number)) / speed) - 1,
    );
  });
});
