#!/usr/bin/env node
// Launcher for the `wattwatch` command. In a source checkout it runs the compiled dist/ when that is
// newer than every file in src/ (`npm ci` builds it), else the TypeScript in src/ through tsx, so what
// runs is always what is checked out. tsx is the slow way in: every module, typebox's hundreds
// included, passes through its loader hooks, which costs seconds of CPU at each start. An installed
// package or the container image has only dist/ and runs that.
import { existsSync, readdirSync, statSync } from 'node:fs';

// kafkajs warns at every start that its default partitioner changed in v2.0.0; that only matters to
// projects that used v1, and a newcomer's first `npm start` should not open with a warning.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/cli/main.js', import.meta.url);

/** True when dist/ was built after the last change to any file in src/. */
function builtIsFresh() {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  const src = new URL('../src/', import.meta.url);
  return readdirSync(src, { recursive: true }).every(
    (file) => statSync(new URL(file, src)).mtimeMs < builtAt,
  );
}

if (existsSync(source) && !builtIsFresh()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(built.href);
}
