import { decimal, type ParserWithHint, text } from './parsers.ts';
import { defineSetting, SettingValueError } from './setting.ts';

/** `start-end` in whole local hours, end exclusive, may wrap midnight: `9-18`, `22-6`. */
export function hourWindow(): ParserWithHint<readonly [number, number]> {
  return {
    hint: 'hours start-end (0..24, end exclusive), e.g. 9-18',
    parse: (raw) => {
      const match = /^(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
      const start = Number(match?.[1]);
      const end = Number(match?.[2]);
      if (!match || start > 23 || end > 24 || start === end)
        throw new SettingValueError('must be start-end in hours, e.g. 9-18 or 22-6');
      return [start, end % 24] as const;
    },
  };
}

/** The time-of-use tariff the optimizer and cost figures use (hours in SITE_TIMEZONE). */
export const TARIFF_SETTINGS = {
  tariffOffPeak: defineSetting({
    env: 'TARIFF_OFF_PEAK',
    flag: 'tariff-off-peak',
    describe: 'energy price per kWh in the off-peak window',
    default: 0.08,
    ...decimal(0, 100),
  }),
  tariffShoulder: defineSetting({
    env: 'TARIFF_SHOULDER',
    flag: 'tariff-shoulder',
    describe: 'energy price per kWh outside the on-peak and off-peak windows',
    default: 0.12,
    ...decimal(0, 100),
  }),
  tariffOnPeak: defineSetting({
    env: 'TARIFF_ON_PEAK',
    flag: 'tariff-on-peak',
    describe: 'energy price per kWh in the on-peak window',
    default: 0.18,
    ...decimal(0, 100),
  }),
  tariffPeakHours: defineSetting({
    env: 'TARIFF_PEAK_HOURS',
    flag: 'tariff-peak-hours',
    describe: 'on-peak window in local hours, end exclusive',
    default: [9, 18] as readonly [number, number],
    ...hourWindow(),
  }),
  tariffOffPeakHours: defineSetting({
    env: 'TARIFF_OFF_PEAK_HOURS',
    flag: 'tariff-off-peak-hours',
    describe: 'off-peak window in local hours, end exclusive (may wrap midnight)',
    default: [22, 6] as readonly [number, number],
    ...hourWindow(),
  }),
  currency: defineSetting({
    env: 'TARIFF_CURRENCY',
    flag: 'currency',
    describe: 'currency code shown with costs and savings',
    default: 'USD',
    ...text({ pattern: /^[A-Z]{3}$/, what: 'a three-letter currency code such as USD or EUR' }),
  }),
} as const;
