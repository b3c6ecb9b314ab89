/**
 * Starts a worker thread on one of our modules, from a source checkout or from dist/. Built code
 * is plain JavaScript; in a source checkout (and under the test runner) the module is TypeScript,
 * and a worker does not inherit the main thread's tsx loader, so it registers tsx itself before
 * importing the module (as bin/wattwatch.js does for the main thread).
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `name` next to `here` with here's extension: `.ts` in a checkout, `.js` once built. */
export function siblingModule(here: string, name: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(here))}`, here);
}

export function spawnModuleWorker(module: URL, options: WorkerOptions = {}): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  // The ESM build of tsx's API: its CommonJS build cannot register the loader from a worker.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import(${JSON.stringify(tsx)})` +
    '.then((api) => api.register())' +
    `.then(() => import(${JSON.stringify(module.href)}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}
