import type { SettingsSpec } from './setting.ts';

/**
 * Help text for a spec, two lines per setting:
 *   --sensors <value>        TOTAL_SENSORS
 *       number of simulated sensors (integer 1..2000000; default 300)
 */
export function describeSettings(spec: SettingsSpec): string {
  const rows = Object.values(spec).map((s) => ({
    flag: s.boolean ? `--[no-]${s.flag}` : `--${s.flag} <value>`,
    env: s.env,
    text: `${s.describe} (${s.hint}; default ${formatDefault(s.default)})`,
  }));
  const flagWidth = Math.max(...rows.map((r) => r.flag.length));
  return rows.map((r) => `  ${r.flag.padEnd(flagWidth)}  ${r.env}\n      ${r.text}`).join('\n');
}

function formatDefault(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(',');
  if (value === '') return 'none';
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }
  return String(value);
}
