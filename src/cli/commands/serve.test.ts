import { describe, expect, inject, it } from 'vitest';
import { closedPort, spawnCli } from '../../../test/support/spawn-cli.ts';

describe('wattwatch serve', () => {
  it('serves the API from Redis and stops cleanly on SIGTERM', async () => {
    const port = await closedPort();
    const cli = spawnCli(['serve', '--port', String(port), '--key-prefix', `wwserve${port}:`], {
      REDIS_URL: inject('redisUrl'),
      API_TOKEN: 'cli-token',
    });
    try {
      const serving = await cli.waitFor((l) => l.msg === 'serving');
      expect(serving).toMatchObject({
        module: 'serve',
        url: `http://127.0.0.1:${port}`,
        auth: 'bearer token',
      });
      const stats = await fetch(`http://127.0.0.1:${port}/api/dashboard/stats`, {
        headers: { authorization: 'Bearer cli-token' },
      });
      expect(stats.status).toBe(200);
      expect(await stats.json()).toMatchObject({ total_sensors: 0 });
      expect((await fetch(`http://127.0.0.1:${port}/api/dashboard/stats`)).status).toBe(401);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
    expect(cli.lines.some((l) => l.msg === 'stopped')).toBe(true);
  });

  it('exits 1 with a message when Redis is unreachable', async () => {
    const cli = spawnCli(['serve', '--port', '0'], { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    let stderr = '';
    cli.child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect(await cli.exited).toBe(1);
    expect(stderr).toContain('Redis unreachable');
  });
});
