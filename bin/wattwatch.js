#!/usr/bin/env node
// Launcher for the `wattwatch` command. In a source checkout it runs the TypeScript in src/ through
// tsx, so what runs is always what is checked out (no stale build); an installed package or the
// container image has only the compiled dist/ and runs that.
import { existsSync } from 'node:fs';

// kafkajs warns at every start that its default partitioner changed in v2.0.0; that only matters to
// projects that used v1, and a newcomer's first `npm start` should not open with a warning.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
