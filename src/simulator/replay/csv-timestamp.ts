/**
 * Timestamps as recordings write them → ISO-8601 UTC with Z. Naive times ("2015-07-10 14:24:00",
 * as NAB and SKAB write them) are taken as UTC; explicit offsets are honoured.
 */
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

export function toUtcIso(text: string): string | null {
  const value = text.trim();
  const naive = NAIVE.exec(value);
  const ms = naive
    ? Date.UTC(
        Number(naive[1]),
        Number(naive[2]) - 1,
        Number(naive[3]),
        Number(naive[4]),
        Number(naive[5]),
        Number(naive[6] ?? 0),
        Math.round(Number(naive[7] ?? 0) * 1000),
      )
    : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value)
      ? Date.parse(value)
      : Number.NaN;
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms).toISOString();
  // Date.UTC rolls 2015-02-30 over into March; a recording with such a date is wrong, not shifted.
  if (naive && iso.slice(0, 10) !== `${naive[1]}-${naive[2]}-${naive[3]}`) return null;
  return iso;
}
