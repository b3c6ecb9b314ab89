import { oneOf } from './parsers.ts';
import { defineSetting } from './setting.ts';

/** Settings every process has. */
export const COMMON_SETTINGS = {
  logLevel: defineSetting({
    env: 'LOG_LEVEL',
    flag: 'log-level',
    describe: 'lowest log level printed',
    default: 'info' as const,
    ...oneOf(['debug', 'info', 'warn', 'error'] as const),
  }),
  logFormat: defineSetting({
    env: 'LOG_FORMAT',
    flag: 'log-format',
    describe: 'log line format; auto = pretty on a terminal, json otherwise',
    default: 'auto' as const,
    ...oneOf(['auto', 'json', 'pretty'] as const),
  }),
} as const;
