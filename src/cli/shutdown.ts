/**
 * SIGINT / SIGTERM handling for long-running commands: the first signal starts a graceful stop
 * (flush, disconnect, exit 0); a second one means "now" and exits at once with 130.
 *
 * One Ctrl-C under `npm start` arrives twice: the terminal sends SIGINT to the whole foreground
 * process group, and npm forwards the one it got to its child as well. A repeat of the first signal
 * within `repeatWindowMs` is therefore taken as the same keypress, not as "now".
 */
export interface ShutdownSignal {
  /** Resolves with the signal's name on the first SIGINT or SIGTERM. */
  readonly received: Promise<NodeJS.Signals>;
  dispose(): void;
}

export const DEFAULT_REPEAT_WINDOW_MS = 500;

export function awaitShutdown(
  onSecond: (signal: NodeJS.Signals) => void = () => process.exit(130),
  repeatWindowMs = DEFAULT_REPEAT_WINDOW_MS,
): ShutdownSignal {
  let first = true;
  let firstSignal: NodeJS.Signals | null = null;
  let firstAt = 0;
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  const handler = (signal: NodeJS.Signals) => {
    if (first) {
      first = false;
      firstSignal = signal;
      firstAt = performance.now();
      resolve(signal);
    } else if (signal !== firstSignal || performance.now() - firstAt >= repeatWindowMs) onSecond(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    received,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
