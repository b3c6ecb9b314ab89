/**
 * Time-of-use tariff: three rates per kWh and two local-time windows (on-peak, off-peak; the rest
 * of the day is shoulder), in the plant's time zone. The system we replace used server-local hours
 * and priced kW readings as if they were kWh; here every cost is kWh × the rate of its hour.
 */
export interface Tariff {
  readonly currency: string;
  readonly offPeak: number;
  readonly shoulder: number;
  readonly onPeak: number;
  /** Local hours [start, end), e.g. [9, 18] = 09:00–17:59 (the seed's hours 9–17). */
  readonly peakHours: readonly [number, number];
  /** Local hours [start, end), may wrap midnight, e.g. [22, 6]. */
  readonly offPeakHours: readonly [number, number];
  /** IANA time zone of the windows. */
  readonly timeZone: string;
}

export const DEFAULT_TARIFF: Tariff = Object.freeze({
  currency: 'USD',
  offPeak: 0.08,
  shoulder: 0.12,
  onPeak: 0.18,
  peakHours: [9, 18] as const,
  offPeakHours: [22, 6] as const,
  timeZone: 'UTC',
});

export type TariffPeriod = 'off_peak' | 'shoulder' | 'on_peak';

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0..23) of `at` on the wall clock of `timeZone`. */
export function localHour(at: Date, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(at)) % 24;
}

/** Whether `hour` lies in [start, end), wrapping midnight when start > end. */
export function inWindow(hour: number, [start, end]: readonly [number, number]): boolean {
  return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
}

/** Hours per day in a window. */
export function windowHours([start, end]: readonly [number, number]): number {
  return start <= end ? end - start : 24 - start + end;
}

export function periodOfHour(tariff: Tariff, hour: number): TariffPeriod {
  if (inWindow(hour, tariff.peakHours)) return 'on_peak';
  if (inWindow(hour, tariff.offPeakHours)) return 'off_peak';
  return 'shoulder';
}

export function rateOf(tariff: Tariff, period: TariffPeriod): number {
  return period === 'on_peak' ? tariff.onPeak : period === 'off_peak' ? tariff.offPeak : tariff.shoulder;
}

/** The rate per kWh in force at `at`. */
export function rateAt(tariff: Tariff, at: Date): { period: TariffPeriod; rate: number } {
  const period = periodOfHour(tariff, localHour(at, tariff.timeZone));
  return { period, rate: rateOf(tariff, period) };
}

/** Mean rate over a day, each hour weighted equally: the price of a load that runs around the clock. */
export function dayAverageRate(tariff: Tariff): number {
  let sum = 0;
  for (let hour = 0; hour < 24; hour++) sum += rateOf(tariff, periodOfHour(tariff, hour));
  return sum / 24;
}

/** Money rounded to cents. */
export const cents = (value: number): number => Math.round(value * 100) / 100;
