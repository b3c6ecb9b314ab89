#!/usr/bin/env node
// Launcher for the `wattwatch` command. In a source checkout it runs the TypeScript in src/ through
// tsx, so what runs is always what is checked out (no stale build); an installed package or the
// container image has only the compiled dist/ and runs that.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
