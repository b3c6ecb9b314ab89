/**
 * The start scripts' checks, run for real: `kafka_answers` speaks Kafka (an open port alone proves
 * nothing, and sandboxes or proxies accept any TCP connect), and the scripts refuse bad arguments
 * and an unreachable Kafka with an explanation, before touching env files or Docker.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/kafka/broker/start-broker.ts';
import { closedPort } from '../support/spawn-cli.ts';

const root = new URL('../../', import.meta.url).pathname;

/** Runs a bash snippet without blocking this process (the broker under test answers from it). */
function bash(
  script: string,
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', script, 'test', ...args],
      { cwd: root, timeout: 20_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}
const kafkaAnswers = async (host: string, port: number) =>
  (await bash('source deployment/lib.sh && kafka_answers "$1" "$2" 3', host, String(port))).status === 0;

let broker: RunningBroker;
let impostor: Server;
let impostorPort: number;
beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  // accepts connections and answers like a web server would
  impostor = createServer((socket) => {
    socket.on('error', () => {}); // the client hangs up as soon as it has read enough
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  });
  await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
  impostorPort = (impostor.address() as { port: number }).port;
});
afterAll(async () => {
  await broker.close();
  await new Promise((resolve) => impostor.close(resolve));
});

describe('kafka_answers', () => {
  it('is true for a Kafka broker', async () => {
    expect(await kafkaAnswers('127.0.0.1', broker.port)).toBe(true);
  });
  it('is false for a port that accepts but does not speak Kafka', async () => {
    expect(await kafkaAnswers('127.0.0.1', impostorPort)).toBe(false);
  });
  it('is false for a closed port', async () => {
    expect(await kafkaAnswers('127.0.0.1', await closedPort())).toBe(false);
  });
});

describe('start-consumer.sh', () => {
  it('explains its arguments when called without any', async () => {
    const result = await bash('deployment/start-consumer.sh');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('start-consumer.sh <producer host address>');
  });

  it('stops before anything else when no Kafka answers, saying what to check', async () => {
    const hadEnv = existsSync(`${root}deployment/consumer.env`);
    const result = await bash('deployment/start-consumer.sh "$1"', `127.0.0.1:${impostorPort}`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`no Kafka answers at 127.0.0.1:${impostorPort}`);
    expect(result.stderr).toContain('firewall');
    expect(existsSync(`${root}deployment/consumer.env`)).toBe(hadEnv);
  });

  it('rejects a processor count that is not a number', async () => {
    const result = await bash('deployment/start-consumer.sh 127.0.0.1 lots');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('processor count must be a number');
  });
});

describe('start-producer.sh', () => {
  it('explains its argument when called without one', async () => {
    const result = await bash('deployment/start-producer.sh');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("start-producer.sh <this machine's address");
  });
});
