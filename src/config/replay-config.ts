import { COMMON_SETTINGS } from './common-settings.ts';
import { KAFKA_SETTINGS } from './kafka-settings.ts';
import { decimal } from './parsers.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { HOST_SETTINGS } from './site-settings.ts';

/** Settings of `wattwatch replay FILE`. */
export const REPLAY_SETTINGS = {
  ...COMMON_SETTINGS,
  ...KAFKA_SETTINGS,
  ...HOST_SETTINGS,
  speed: defineSetting({
    env: 'REPLAY_SPEED',
    flag: 'speed',
    describe: 'playback speed: 1 = real time, 10 = ten times faster, 0 = as fast as possible',
    default: 1,
    ...decimal(0, 1_000_000),
  }),
} as const;

export type ReplayConfig = ConfigOf<typeof REPLAY_SETTINGS>;
export const DEFAULT_REPLAY_CONFIG: ReplayConfig = defaultsOf(REPLAY_SETTINGS);
