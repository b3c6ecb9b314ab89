/**
 * Numbers and times as people read them: every number with its unit, large values scaled (kW → MW),
 * times in the browser's time zone from the server's UTC timestamps, and an honest dash for "no
 * value" instead of a zero.
 */
const NO_VALUE = '—';

export type Unit = 'kW' | 'kWh' | 'A' | 'V' | '°C' | 'bar' | 'mm/s' | '%' | 'readings/s' | '';

const SCALED: Partial<Record<Unit, readonly [string, string, string]>> = {
  kW: ['kW', 'MW', 'GW'],
  kWh: ['kWh', 'MWh', 'GWh'],
};

/** `value` with its unit: 1234.5 kW → "1.23 MW"; null/NaN → "—". */
export function formatQuantity(value: number | null | undefined, unit: Unit, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const scale = SCALED[unit];
  let v = value;
  let u: string = unit;
  if (scale) {
    let step = 0;
    while (Math.abs(v) >= 1000 && step < scale.length - 1) {
      v /= 1000;
      step += 1;
    }
    u = scale[step]!;
  }
  const text = formatNumber(v, digits);
  return u === '' ? text : u === '%' ? `${text} %` : `${text} ${u}`;
}

// Intl formatters are costly to build and toLocaleString builds one per call: a table of 50 rows
// formats ~500 values per frame, so each formatter is built once and reused.
const numberFormats = new Map<number, Intl.NumberFormat>();
function decimalsFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format;
}
const moneyFormats = new Map<string, Intl.NumberFormat | null>();
function moneyFormat(currency: string): Intl.NumberFormat | null {
  if (!moneyFormats.has(currency)) {
    try {
      moneyFormats.set(
        currency,
        new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2 }),
      );
    } catch {
      moneyFormats.set(currency, null);
    }
  }
  return moneyFormats.get(currency) ?? null;
}
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const stampFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A number with `digits` significant digits (at most 2 decimals), grouped by the browser's locale. */
export function formatNumber(value: number, digits = 3): string {
  const abs = Math.abs(value);
  const decimals =
    abs === 0 || abs >= 10 ** (digits - 1) ? 0 : Math.min(2, digits - 1 - Math.floor(Math.log10(abs)));
  return decimalsFormat(decimals).format(value);
}

/** A whole count, grouped: 100000 → "100,000". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return decimalsFormat(0).format(Math.round(value));
}

/** A 0..1 ratio as a percentage: 0.873 → "87.3 %". */
export function formatRatio(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return `${(value * 100).toFixed(decimals)} %`;
}

/** Money in an ISO currency: (12.5, 'EUR') → "€12.50". */
export function formatMoney(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return moneyFormat(currency)?.format(value) ?? `${value.toFixed(2)} ${currency}`;
}

/** Clock time in the browser's zone: "14:03:27". */
export function formatTime(iso: string | number | null | undefined): string {
  const date = toDate(iso);
  return date ? timeFormat.format(date) : NO_VALUE;
}

/** Hours and minutes in the browser's zone: "14:03" (or "02:03 PM"). */
export function formatClock(iso: string | number | null | undefined): string {
  const date = toDate(iso);
  return date ? clockFormat.format(date) : NO_VALUE;
}

/** Date and time in the browser's zone: "22 Nov, 14:03". */
export function formatDateTime(iso: string | number | null | undefined): string {
  const date = toDate(iso);
  return date ? dateTimeFormat.format(date) : NO_VALUE;
}

/** Date and time to the second in the browser's zone: "22 Nov, 14:03:27". */
export function formatStamp(iso: string | number | null | undefined): string {
  const date = toDate(iso);
  return date ? stampFormat.format(date) : NO_VALUE;
}

/** A duration in words: 4 s, 3 min, 2 h 5 min. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return NO_VALUE;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d`;
}

/** How long ago, from `now`: "12 s ago". */
export function formatAgo(iso: string | number | null | undefined, now: number): string {
  const date = toDate(iso);
  return date ? `${formatDuration(Math.max(0, now - date.getTime()))} ago` : NO_VALUE;
}

/** A signed relative change with an arrow: +4.2 % ▲, −1.0 % ▼, or "steady". */
export function formatChange(
  now: number | null,
  before: number | null,
): { text: string; direction: -1 | 0 | 1 } {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before))
    return { text: NO_VALUE, direction: 0 };
  if (before === 0) return now === 0 ? { text: 'steady', direction: 0 } : { text: 'new', direction: 1 };
  const change = ((now - before) / Math.abs(before)) * 100;
  if (Math.abs(change) < 0.05) return { text: 'steady', direction: 0 };
  const sign = change > 0 ? '+' : '−';
  return { text: `${sign}${Math.abs(change).toFixed(1)} %`, direction: change > 0 ? 1 : -1 };
}

/** snake_case names for people: "cooling_tower" → "Cooling tower", "floor_a" → "Floor A". */
export function humanize(name: string): string {
  const words = name.split('_').filter(Boolean);
  return words
    .map((w, i) => (w.length === 1 ? w.toUpperCase() : i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

function toDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
