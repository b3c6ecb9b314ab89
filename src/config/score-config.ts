import { COMMON_SETTINGS } from './common-settings.ts';
import { text } from './parsers.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';

/** Settings of the offline detector run (`wattwatch score FILE`). */
export const SCORE_SETTINGS = {
  ...COMMON_SETTINGS,
  output: defineSetting({
    env: 'SCORE_OUTPUT',
    flag: 'output',
    describe: 'where to write one score row per reading (- = standard output)',
    default: '-',
    ...text({ maxLength: 4096 }),
  }),
} as const;

export type ScoreConfig = ConfigOf<typeof SCORE_SETTINGS>;
export const DEFAULT_SCORE_CONFIG: ScoreConfig = defaultsOf(SCORE_SETTINGS);
