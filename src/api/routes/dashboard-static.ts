/**
 * The built dashboard: files under `dir` as they are, and `index.html` for any other GET that is not
 * an API path (client-side routes of the single-page app). Only used when `dir/index.html` exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** True when `dir` holds a built dashboard. */
export function hasDashboard(dir: string | null): dir is string {
  return dir !== null && existsSync(join(dir, 'index.html'));
}

/** Static files of `dir` (falls through when no file matches). */
export function dashboardFiles(dir: string): MiddlewareHandler {
  return serveStatic({ root: resolve(dir) });
}

/** Answers `index.html` (read once: it is small and changes only with a new build). */
export function dashboardIndex(dir: string): MiddlewareHandler {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return async (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  };
}
