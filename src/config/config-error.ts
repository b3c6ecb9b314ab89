export interface ConfigProblem {
  /** The environment variable (and flag, when the value came from one). */
  readonly source: string;
  readonly reason: string;
}

/** Invalid configuration; the message names every bad variable and why, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.source}: ${p.reason}`).join('\n'),
    );
  }
}
