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
