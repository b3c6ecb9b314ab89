import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';

interface Started {
  readonly proc: ChildProcess;
  readonly bootstrap: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** Starts `wattwatch broker` on a free port and waits for the address it prints. */
function startCli(args: string[] = []): Promise<Started> {
  const proc = spawn(
    process.execPath,
    ['bin/wattwatch.js', 'broker', '--broker-port', '0', '--log-format', 'json', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /^KAFKA_BROKERS=(\S+)$/m.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ proc, bootstrap: match[1] as string, output: () => output, exited });
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
}

describe('wattwatch broker', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints its bootstrap address, serves kafkajs, and exits 0 on ${signal}`, async () => {
      const cli = await startCli();
      expect(cli.bootstrap).toMatch(/^127\.0\.0\.1:\d+$/);
      const kafka = new Kafka({ clientId: 'cli-test', brokers: [cli.bootstrap], logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      expect(await admin.createTopics({ topics: [{ topic: 'via-cli', numPartitions: 2 }] })).toBe(true);
      expect(await admin.listTopics()).toEqual(['via-cli']);
      await admin.disconnect();
      cli.proc.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toMatch(/"msg":"broker stopped"/);
    });
  }

  it('exits 1 with a message when its port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const proc = spawn(process.execPath, ['bin/wattwatch.js', 'broker', '--broker-port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => proc.on('close', resolve));
    blocker.close();
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`));
  });
});
