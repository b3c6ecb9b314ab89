/**
 * `npm run bench -- <name> [options]` runs bench/<name>.ts. Benchmarks print a table and a
 * `BENCH_JSON` line; see bench/README.md and bench/RESULTS.md.
 */
import { readdirSync } from 'node:fs';

const available = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'main.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as { run(args: string[]): Promise<void> };
await bench.run(args);
