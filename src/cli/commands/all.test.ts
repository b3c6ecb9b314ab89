import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type CliProcess, closedPort, spawnCli } from '../../../test/support/spawn-cli.ts';
import { type RunningBroker, startBroker } from '../../kafka/broker/start-broker.ts';
import { answersPing } from '../../store/embedded-redis.ts';

// `all` on its own defaults, except the ports: a free API port, and no REDIS_URL or KAFKA_BROKERS
// leaking in from the environment the tests run in.
const ALONE = { API_PORT: '0', REDIS_URL: '', KAFKA_BROKERS: '', LOG_LEVEL: 'info' };

const running: CliProcess[] = [];
// a failed test still stops `all` gracefully, so its private redis-server goes too (SIGKILL would orphan it)
afterEach(async () => {
  for (const cli of running.splice(0)) {
    cli.child.kill('SIGTERM');
    const timer = setTimeout(() => cli.child.kill('SIGKILL'), 20_000);
    await cli.exited;
    clearTimeout(timer);
  }
});

function startAll(env: Record<string, string>): CliProcess {
  const cli = spawnCli(['all'], env);
  running.push(cli);
  return cli;
}

interface Stats {
  readonly total_sensors: number;
  readonly online_sensors: number;
  readonly total_readings: number;
}

/** Polls an endpoint until `enough` holds (the test's timeout bounds the wait). */
async function getWhen<T>(url: string, enough: (body: T) => boolean): Promise<T> {
  for (;;) {
    const body = (await (await fetch(url)).json()) as T;
    if (enough(body)) return body;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const statsWhen = (url: string, enough: (s: Stats) => boolean) =>
  getWhen<Stats>(`${url}/api/dashboard/stats`, enough);

function stderrOf(cli: CliProcess): () => string {
  let text = '';
  cli.child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

describe('wattwatch all', () => {
  it('runs broker, private Redis, simulator, processor and API; Ctrl-C stops all of it with 0', async () => {
    const cli = startAll(ALONE);
    let stdout = '';
    cli.child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const ready = await cli.waitFor((l) => l.msg === 'ready');
    const url = ready.url as string;
    expect(stdout).toContain(`Dashboard: ${url}`);
    expect(ready.redis).toMatch(/^private redis-server at redis:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.brokers).toMatch(/^dev broker at 127\.0\.0\.1:\d+$/);
    const redisPort = Number((ready.redis as string).split(':').pop());

    const live = await statsWhen(url, (s) => s.total_sensors === 300 && s.online_sensors === 300);
    expect(live.total_readings).toBeGreaterThanOrEqual(300);
    const producer = await getWhen<{ is_active: boolean; producers: unknown[] }>(
      `${url}/api/producer/status`,
      (p) => p.is_active,
    );
    expect(producer.producers).toHaveLength(1);

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.lines.at(-1)).toMatchObject({ module: 'all', msg: 'stopped' });
    expect(stdout).toMatch(/Stopped\.\n$/);
    expect(await answersPing(redisPort)).toBe(false); // the private redis-server went with it
  }, 90_000);

  it('uses KAFKA_BROKERS and REDIS_URL when they are set, under the configured key prefix', async () => {
    const broker: RunningBroker = await startBroker({ port: 0 });
    const prefix = `wwall${randomUUID().slice(0, 8)}:`;
    const redis = new Redis(inject('redisUrl'));
    try {
      const cli = startAll({
        ...ALONE,
        KAFKA_BROKERS: broker.bootstrap,
        REDIS_URL: inject('redisUrl'),
        REDIS_KEY_PREFIX: prefix,
        TOTAL_SENSORS: '20',
      });
      const ready = await cli.waitFor((l) => l.msg === 'ready');
      expect(ready).toMatchObject({ redis: 'REDIS_URL', brokers: broker.bootstrap, key_prefix: prefix });
      await statsWhen(ready.url as string, (s) => s.total_sensors === 20);
      expect((await broker.peek('sensor-data')).length).toBeGreaterThanOrEqual(20);
      expect(await redis.exists(`${prefix}sensor:{sensor_000}`, `${prefix}stats`)).toBeGreaterThan(0);
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
      expect(await redis.ping()).toBe('PONG'); // a Redis it did not start is left running
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.unlink(...keys);
      redis.disconnect();
      await broker.close();
    }
  }, 90_000);

  it('says how to get Redis when redis-server is missing and REDIS_URL is not set', async () => {
    const cli = startAll({ ...ALONE, PATH: '/nonexistent' });
    const stderr = stderrOf(cli);
    expect(await cli.exited).toBe(2);
    expect(stderr()).toContain('redis-server is not installed, and REDIS_URL is not set');
    expect(stderr()).toContain('apt-get install redis-server');
  }, 60_000);

  it('stops with a clear message when REDIS_URL is set but nothing answers there', async () => {
    const cli = startAll({ ...ALONE, REDIS_URL: `redis://:hunter2@127.0.0.1:${await closedPort()}` });
    const stderr = stderrOf(cli);
    expect(await cli.exited).toBe(2);
    expect(stderr()).toMatch(/no Redis answers at REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\)/);
    expect(stderr()).not.toContain('hunter2');
  }, 60_000);
});
