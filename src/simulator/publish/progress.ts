/**
 * Progress of a long producer run. On a terminal: one status line rewritten every second (rate,
 * sent, errors, skipped). Elsewhere (containers, CI, pipes): a structured log line every
 * `intervalMs`, so logs stay greppable and quiet.
 */
import type { Logger } from '../../log/logger.ts';
import type { Clock } from './clock.ts';
import type { PublishStats } from './publish-stats.ts';

export interface ProgressOptions {
  /** Rewrite a terminal line (true) or log structured lines (false). */
  readonly tty: boolean;
  /** How often to log when not on a terminal, ms. */
  readonly intervalMs: number;
  /** Where the terminal line goes (stderr, so stdout stays for data and logs). */
  readonly write: (text: string) => void;
}

export interface Progress {
  stop(): void;
}

const TTY_REFRESH_MS = 1000;
const n = (value: number) => Math.round(value).toLocaleString('en-US');

export function startProgress(
  stats: () => Readonly<PublishStats>,
  options: ProgressOptions,
  deps: { readonly log: Logger; readonly clock: Clock },
): Progress {
  const { log, clock } = deps;
  let lastAt = clock.now();
  let lastSent = stats().sent;
  let timer: unknown;

  function report(): void {
    const now = clock.now();
    const s = stats();
    const rate = now > lastAt ? ((s.sent - lastSent) * 1000) / (now - lastAt) : 0;
    lastAt = now;
    lastSent = s.sent;
    if (options.tty) {
      const parts = [`sent ${n(s.sent)}`, `${n(rate)}/s`, `errors ${n(s.failed)}`, `skipped ${n(s.skipped)}`];
      if (s.silent > 0) parts.push(`silent ${n(s.silent)}`);
      if (s.badRows > 0) parts.push(`bad rows ${n(s.badRows)}`);
      options.write(`\r\x1b[K${parts.join(' · ')}`);
    } else {
      log.info('progress', {
        sent: s.sent,
        rate_per_s: Math.round(rate),
        failed: s.failed,
        skipped: s.skipped,
        silent: s.silent,
        bad_rows: s.badRows,
        in_flight: s.inFlight,
      });
    }
    timer = clock.setTimeout(report, options.tty ? TTY_REFRESH_MS : options.intervalMs);
  }

  timer = clock.setTimeout(report, options.tty ? TTY_REFRESH_MS : options.intervalMs);
  return {
    stop() {
      clock.clearTimeout(timer);
      if (options.tty) options.write('\n');
    },
  };
}
