/** The image recipe keeps its promises: pinned bases, a build stage apart, non-root, a health check. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dockerfile = readFileSync(`${root}deployment/Dockerfile`, 'utf8');
const instructions = dockerfile
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
const stages = instructions
  .join('\n')
  .split(/^FROM /m)
  .slice(1);

describe('deployment/Dockerfile', () => {
  it('builds in one stage and runs from a smaller one, both on a pinned base image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.split(/\s/)[0]).toMatch(/^[\w./-]+:\d+\.\d+\.\d+[\w.-]*$/);
    const runtime = stages.at(-1) as string;
    expect(runtime).toMatch(/COPY --from=build/);
    expect(runtime).not.toMatch(/npm (ci|install)/); // dependencies come pruned from the build stage
  });

  it('runs as an unprivileged user with a health check', () => {
    const runtime = stages.at(-1) as string;
    const user = /^USER (\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime).toMatch(/^HEALTHCHECK .*CMD \["node", "bin\/healthcheck\.js"\]/m);
    expect(existsSync(`${root}bin/healthcheck.js`)).toBe(true);
  });

  it('keeps local env files and build output out of the build context', () => {
    const ignored = readFileSync(`${root}.dockerignore`, 'utf8').split('\n');
    for (const entry of ['node_modules', 'deployment/*.env', '.git', 'dist'])
      expect(ignored).toContain(entry);
  });
});
