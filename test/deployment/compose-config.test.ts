/**
 * Both compose files pass `docker-compose config` (Debian's docker-compose 1.29; CI installs it):
 * schema, interpolation and env files. It needs the env files to exist, so it runs on a copy where
 * they are made from the examples: no secrets, and nothing written into the checkout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
if (!hasCompose) console.warn('docker-compose is not installed: compose validation skipped (CI installs it)');

const copy = mkdtempSync(join(tmpdir(), 'wattwatch-compose-'));
mkdirSync(join(copy, 'deployment'));
for (const file of readdirSync(root).filter((f) => /^docker-compose\..*\.yml$/.test(f)))
  copyFileSync(join(root, file), join(copy, file));
for (const file of readdirSync(join(root, 'deployment')).filter((f) => f.endsWith('.env.example')))
  copyFileSync(join(root, 'deployment', file), join(copy, 'deployment', file.replace(/\.example$/, '')));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function config(file: string, env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  return spawnSync('docker-compose', ['-f', file, 'config'], {
    cwd: copy,
    env: { PATH: PATH ?? '', HOME: HOME ?? copy, ...env },
    encoding: 'utf8',
  });
}

// skipped only where the tool is missing outside CI; in CI a missing docker-compose fails here
describe.skipIf(!hasCompose && !process.env.CI)('docker-compose config', () => {
  it.each(['docker-compose.producer.yml', 'docker-compose.consumer.yml'])('accepts %s', (file) => {
    const result = config(file, { PRODUCER_HOST: '192.0.2.10' });
    expect(result.stderr).not.toMatch(/ERROR|Invalid|Unsupported/);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('192.0.2.10:9092');
    // every image pinned to a version (a tag with a digit), never latest or untagged
    const images = [...result.stdout.matchAll(/image: (\S+)/g)].map((m) => m[1] as string);
    expect(images.length).toBeGreaterThan(1);
    for (const image of images) expect(image).toMatch(/:[^:]*\d[^:]*$/);
  });

  it.each(['docker-compose.producer.yml', 'docker-compose.consumer.yml'])(
    'refuses %s without PRODUCER_HOST, saying what to set',
    (file) => {
      const result = config(file, {});
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('set PRODUCER_HOST');
    },
  );

  it('scales the processor: no fixed container name or host port on it', () => {
    const out = execFileSync('docker-compose', ['-f', 'docker-compose.consumer.yml', 'config'], {
      cwd: copy,
      env: { ...process.env, PRODUCER_HOST: '192.0.2.10' },
      encoding: 'utf8',
    });
    const process_ = out.split(/\n {2}(?=\S)/).find((block) => block.startsWith('process:')) ?? '';
    expect(process_).toContain('command:');
    expect(process_).not.toMatch(/container_name|ports:/);
  });
});
