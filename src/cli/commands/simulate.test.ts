import { describe, expect, it } from 'vitest';
import { closedPort, spawnCli } from '../../../test/support/spawn-cli.ts';

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
