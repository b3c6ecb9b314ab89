import { logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../test/support/memory-sink.ts';
import { closedPort } from '../../../test/support/spawn-cli.ts';
import { createKafka } from '../../kafka/create-kafka.ts';
import { createKafkaSink } from './kafka-sink.ts';

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('createKafkaSink (no broker reachable)', () => {
  it('keeps retrying with backoff, logging the brokers and the error each time, until closed', async () => {
    const brokers = [`127.0.0.1:${await closedPort()}`];
    const kafka = createKafka(
      {
        brokers,
        clientId: 'sink-test',
        ssl: false,
        saslMechanism: 'none',
        saslUsername: '',
        saslPassword: '',
      },
      { logLevel: logLevel.NOTHING, overrides: { retry: { retries: 0 }, connectionTimeout: 500 } },
    );
    const { log, lines } = memoryLogger();
    const sink = createKafkaSink(
      { kafka },
      {
        topics: [{ topic: 'sensor-data', numPartitions: 12 }],
        brokers,
        backoff: { initialMs: 10, maxMs: 40, factor: 2 },
      },
      log,
    );
    sink.start();
    const failures = () =>
      lines.filter((l) => l.level === 'error' && l.message === 'Kafka unreachable; retrying');
    await until(() => failures().length >= 3);
    expect(sink.ready()).toBe(false);
    expect(failures()[0]?.fields).toMatchObject({ brokers, attempt: 1 });
    expect(failures()[2]?.fields).toMatchObject({ attempt: 3 });
    expect(failures()[0]?.fields.error).toBeInstanceOf(Error);
    await sink.close();
    expect(sink.ready()).toBe(false);
    await expect(sink.send('sensor-data', [{ key: 'a', value: '{}' }])).rejects.toThrow(/disconnected/);
  });
});
