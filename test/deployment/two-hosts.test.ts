/**
 * The two-machine split for real: a producer host (dev broker + simulate) and a consumer host
 * (Redis + process + serve) in two network namespaces joined by a veth pair. Readings cross the
 * link, the API answers on the consumer host, pulling the link shows the producer as disconnected
 * (REST and WebSocket) within the 3-heartbeat window, and restoring it loses nothing: every reading
 * Kafka acknowledged ends up counted in Redis exactly once.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliProcess, spawnCli } from '../support/spawn-cli.ts';
import { createTwoHosts, netnsPermitted, type TwoHosts } from '../support/two-hosts.ts';

const SENSORS = 40;
const HEARTBEAT_MS = 1000; // disconnected after 3 missed heartbeats: 2-3 s after the cut
const DISCONNECT_DEADLINE_MS = 6000; // what the issue allows

const notPermitted = netnsPermitted();
if (notPermitted) console.warn(`two-host test skipped: ${notPermitted}`);

type Line = Record<string, unknown>;

/** The first line at or after `from` that matches, polled until `timeoutMs` passes. */
async function lineAfter(
  cli: CliProcess,
  from: number,
  match: (l: Line) => boolean,
  timeoutMs: number,
  what: string,
) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = cli.lines.slice(from).find(match);
    if (found) return found;
    if (performance.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function run(command: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const [file, ...args] = command;
    execFile(file as string, args, { env: { ...process.env, ...env }, timeout: 10_000 }, (error) =>
      resolve(error ? (typeof error.code === 'number' ? error.code : -1) : 0),
    );
  });
}

describe.skipIf(notPermitted !== null)('producer and consumer on two hosts', () => {
  let hosts: TwoHosts;
  const started: CliProcess[] = [];
  const others: ChildProcess[] = [];
  afterAll(async () => {
    for (const cli of started.reverse()) {
      cli.child.kill('SIGTERM');
      const timer = setTimeout(() => cli.child.kill('SIGKILL'), 15_000);
      await cli.exited;
      clearTimeout(timer);
    }
    for (const child of others) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
    hosts?.destroy();
  });

  it('carries readings across, shows a cut link as disconnected and recovers without loss', async () => {
    hosts = createTwoHosts();
    const onProducer = { wrap: hosts.wrap(hosts.producer.ns) };
    const onConsumer = { wrap: hosts.wrap(hosts.consumer.ns) };
    const start = (
      args: string[],
      env: Record<string, string>,
      where: { wrap: string[] },
      script?: string[],
    ) => {
      const cli = spawnCli(args, env, { ...where, ...(script ? { script } : {}) });
      started.push(cli);
      return cli;
    };
    const kafka = `${hosts.producer.ip}:9092`;
    const shared = { HEARTBEAT_INTERVAL_MS: String(HEARTBEAT_MS), SENSOR_INTERVAL_MS: '1000' };

    // producer host: Kafka (the dev broker, listening on the link) and the simulator
    const broker = start(
      ['broker', '--broker-host', hosts.producer.ip, '--broker-port', '9092'],
      {},
      onProducer,
    );
    await broker.waitFor((l) => l.msg === 'broker listening');
    const simulate = start(
      ['simulate'],
      { ...shared, KAFKA_BROKERS: kafka, TOTAL_SENSORS: String(SENSORS), PRODUCER_ID: 'producer-ns' },
      onProducer,
    );

    // consumer host: its own Redis on its own loopback, the processor and the API
    const redisServer = spawn(
      onConsumer.wrap[0] as string,
      [
        ...onConsumer.wrap.slice(1),
        'redis-server',
        '--port',
        '6379',
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    );
    others.push(redisServer);
    const consumerEnv = { ...shared, KAFKA_BROKERS: kafka, REDIS_URL: 'redis://127.0.0.1:6379' };
    while ((await run([...onConsumer.wrap, 'redis-cli', '-p', '6379', 'ping'])) !== 0)
      await new Promise((r) => setTimeout(r, 100));

    // what start-consumer.sh checks first: Kafka answers from the consumer host, across the link
    const kafkaAnswers = [
      ...onConsumer.wrap,
      'bash',
      '-c',
      `source deployment/lib.sh && kafka_answers ${hosts.producer.ip} 9092 3`,
    ];
    expect(await run(kafkaAnswers)).toBe(0);

    start(['process'], { ...consumerEnv, PROCESS_METRICS_PORT: '0' }, onConsumer);
    const serve = start(['serve'], { ...consumerEnv, API_HOST: '127.0.0.1', API_PORT: '8000' }, onConsumer);
    await serve.waitFor((l) => l.msg === 'serving');
    const probe = start(['http://127.0.0.1:8000'], {}, onConsumer, [
      '--import',
      'tsx',
      'test/support/api-probe.ts',
    ]);

    // readings flow and the API answers on the consumer host
    await lineAfter(
      probe,
      0,
      (l) => l.probe === 'stats' && l.total_sensors === SENSORS,
      60_000,
      'every sensor live',
    );
    await lineAfter(
      probe,
      0,
      (l) => l.probe === 'producer' && l.is_active === true,
      30_000,
      'producer active',
    );
    await lineAfter(
      probe,
      0,
      (l) => l.probe === 'ws' && l.type === 'initial_data',
      30_000,
      'WebSocket initial_data',
    );

    // pull the cable
    const beforeCut = probe.lines.length;
    hosts.linkDown();
    await Promise.all([
      lineAfter(
        probe,
        beforeCut,
        (l) => l.probe === 'producer' && l.is_active === false,
        DISCONNECT_DEADLINE_MS,
        'REST shows the producer disconnected',
      ),
      lineAfter(
        probe,
        beforeCut,
        (l) => l.probe === 'ws' && l.type === 'producer_disconnected',
        DISCONNECT_DEADLINE_MS,
        'WebSocket producer_disconnected',
      ),
    ]);
    expect(await run(kafkaAnswers)).not.toBe(0);
    const duringCut = probe.lines.length;

    // plug it back in
    hosts.linkUp();
    await lineAfter(
      probe,
      duringCut,
      (l) => l.probe === 'producer' && l.is_active === true,
      60_000,
      'producer active again',
    );
    await lineAfter(
      probe,
      duringCut,
      (l) => l.probe === 'ws' && l.type === 'producer_connected',
      60_000,
      'WebSocket producer_connected',
    );

    // stop producing; every reading Kafka acknowledged must be counted in Redis, once
    const beforeStop = simulate.lines.length;
    simulate.child.kill('SIGINT');
    expect(await simulate.exited).toBe(0);
    const totals = (await lineAfter(
      simulate,
      beforeStop,
      (l) => l.msg === 'stopped',
      1000,
      'simulator totals',
    )) as Line & { sent: number; failed: number };
    expect(totals.failed).toBe(0);
    expect(totals.sent).toBeGreaterThan(SENSORS * 5);
    const stored = await lineAfter(
      probe,
      duringCut,
      (l) => l.probe === 'stats' && (l.total_readings as number) >= totals.sent,
      120_000,
      `all ${totals.sent} readings stored`,
    ).catch(() => null);
    const last = probe.lines.filter((l) => l.probe === 'stats').at(-1);
    expect({ stored: stored?.total_readings ?? last?.total_readings }).toEqual({ stored: totals.sent });
  }, 300_000);
});
