/**
 * SIGINT / SIGTERM handling for long-running commands: the first signal starts a graceful stop
 * (flush, disconnect, exit 0); a second one means "now" and exits at once with 130.
 */
export interface ShutdownSignal {
  /** Resolves with the signal's name on the first SIGINT or SIGTERM. */
  readonly received: Promise<NodeJS.Signals>;
  dispose(): void;
}

export function awaitShutdown(
  onSecond: (signal: NodeJS.Signals) => void = () => process.exit(130),
): ShutdownSignal {
  let first = true;
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  const handler = (signal: NodeJS.Signals) => {
    if (first) {
      first = false;
      resolve(signal);
    } else onSecond(signal);
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
