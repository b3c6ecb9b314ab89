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
  warmup: defineSetting({
    env: 'SCORE_WARMUP',
    flag: 'warmup',
    describe:
      'readings per sensor that start its baseline and, replayed, train the first model; auto = the ' +
      "benchmark's own protocol (NAB: the probationary 15%, at most 750; SKAB: 400), else the processor's",
    default: 'auto',
    ...text({ pattern: /^(auto|[1-9]\d{0,6})$/, what: 'auto or a whole number of readings' }),
  }),
} as const;

export type ScoreConfig = ConfigOf<typeof SCORE_SETTINGS>;
export const DEFAULT_SCORE_CONFIG: ScoreConfig = defaultsOf(SCORE_SETTINGS);
