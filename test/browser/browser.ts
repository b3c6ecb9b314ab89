/**
 * Headless Debian Chromium driven by playwright-core, with a PerformanceObserver collecting long
 * tasks in the page and screenshots going to test-artifacts/ (gitignored; CI keeps them).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
/** Starts CHROMIUM_PATH (default /usr/bin/chromium) through chromium-first.sh, at a raised CPU priority. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: join(import.meta.dirname, 'chromium-first.sh'),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page whose long tasks (main-thread work over 50 ms) are recorded in `window.__longTasks`. */
export async function openPage(
  browser: Browser,
  url: string,
  theme: 'dark' | 'light' = 'dark',
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, colorScheme: theme });
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' as never, buffered: true });
  });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  return page;
}

/** Forgets the long tasks so far (e.g. the initial bundle evaluation) and returns them. */
export async function takeLongTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { __longTasks: { start: number; duration: number }[] };
    return w.__longTasks.splice(0);
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

export interface MainThreadTask {
  /** Wall time, ms: what a PerformanceObserver reports as a long task's duration. */
  readonly wallMs: number;
  /** Main-thread CPU time, ms: the page's own work, whatever else the machine runs. */
  readonly cpuMs: number;
}

/**
 * Runs `action` while Chromium traces, and returns the tasks of the page's main thread (renderer
 * `ThreadControllerImpl::RunTask` events: wall `dur` and thread-CPU `tdur`). On a shared two-core machine a 10 ms task
 * can take 200 ms of wall time waiting for a core, so tests judge the page by CPU time and report
 * the wall time beside it.
 */
export async function traceMainThread(
  browser: Browser,
  page: Page,
  action: () => Promise<void>,
): Promise<MainThreadTask[]> {
  // `toplevel` alone: task events with their thread time, without the devtools categories'
  // per-event instrumentation, which itself adds CPU to every task it measures
  await browser.startTracing(page, { categories: ['toplevel'] });
  await action();
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[];
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter(
      (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`),
    )
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}

interface TraceEvent {
  readonly ph: string;
  readonly name: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}
