import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectedMessage } from '../../../test/support/broker/collect-topics.ts';
import { analyseHeartbeats, analyseReadings } from '../../../test/support/broker/reading-stream.ts';
import { TEST_BROKER_OPTIONS } from '../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../test/support/broker/wait-until.ts';
import { closedPort, spawnCli } from '../../../test/support/spawn-cli.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';

describe('wattwatch simulate (no Kafka reachable)', () => {
  it('logs that Kafka is unreachable, keeps retrying, and exits 0 on SIGINT', async () => {
    const broker = `127.0.0.1:${await closedPort()}`;
    const cli = spawnCli(['simulate', '--brokers', broker, '--sensors', '50']);
    const started = await cli.waitFor((l) => l.msg === 'simulating');
    expect(started).toMatchObject({ module: 'simulate', sensors: 50, brokers: [broker] });
    const unreachable = await cli.waitFor((l) => l.msg === 'Kafka unreachable; retrying');
    expect(unreachable).toMatchObject({ level: 'error', brokers: [broker], attempt: 1 });
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    const stopped = cli.lines.find((l) => l.msg === 'stopped');
    expect(stopped).toMatchObject({ sent: 0, failed: 0 });
  });
});

describe('wattwatch simulate → dev broker', () => {
  let broker: RunningBroker;
  beforeAll(async () => {
    broker = await startBroker({ ...TEST_BROKER_OPTIONS, autoCreateTopics: false });
  });
  afterAll(() => broker.close());

  const peek = async (topic: string): Promise<CollectedMessage[]> =>
    (await broker.peek(topic)).map((r) => ({ ...r, topic, key: r.key?.toString() ?? null }));

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s flushes, exits 0, and every reading it reported sent is in the topic',
    async (signal) => {
      const topic = `readings-${signal}`;
      const heartbeats = `heartbeats-${signal}`;
      const cli = spawnCli([
        'simulate',
        ...['--brokers', broker.bootstrap, '--sensors', '300', '--interval-ms', '200'],
        ...['--topic', topic, '--heartbeat-topic', heartbeats, '--producer-id', `cli-${signal}`],
      ]);
      try {
        await cli.waitFor((l) => l.msg === 'connected to Kafka');
        await waitUntil(async () => (await peek(topic)).length >= 600, 'two rounds of readings in the topic');
        cli.child.kill(signal);
        expect(await cli.exited).toBe(0);
      } finally {
        if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
      }
      const stopped = cli.lines.find((l) => l.msg === 'stopped');
      expect(stopped).toMatchObject({ failed: 0, inFlight: 0 });
      const sent = stopped?.sent as number;
      const stream = analyseReadings(await peek(topic));
      expect(stream.invalid).toEqual([]);
      expect(stream.readings).toHaveLength(sent);
      expect(new Set(stream.readings.map((r) => `${r.sensor_id}@${r.seq}`)).size).toBe(sent);
      expect(stream.sensors.size).toBe(300);
      const final = analyseHeartbeats(await peek(heartbeats)).heartbeats.at(-1);
      expect(final).toMatchObject({ producer_id: `cli-${signal}`, stopped: true, sent_total: sent });
    },
  );
});
