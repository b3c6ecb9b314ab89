/**
 * `new Date(ms).toISOString()` costs a few hundred nanoseconds, a large share of a reading's budget.
 * Readings come in time order, so the text up to the second is cached and only the milliseconds
 * are appended. Same output as toISOString for years 0000–9999.
 */
export function createIsoFormatter(): (ms: number) => string {
  let second = Number.NaN;
  let prefix = '';
  return (ms: number) => {
    const s = Math.floor(ms / 1000);
    if (s !== second) {
      second = s;
      prefix = new Date(s * 1000).toISOString().slice(0, 20);
    }
    const milli = ms - s * 1000;
    return `${prefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  };
}
