/** The three recorded layouts `replay` and `score` accept, told apart by their header line. */
export type ReplayFormat = 'wattwatch' | 'nab' | 'skab';

export interface FormatInfo {
  readonly format: ReplayFormat;
  readonly delimiter: ',' | ';';
}

/** Recognizes a header line, or returns null with nothing guessed. */
export function detectFormat(headerLine: string): FormatInfo | null {
  const header = headerLine.replace(/^\uFEFF/, '').trim();
  if (/^datetime;/.test(header) && header.includes(';anomaly')) return { format: 'skab', delimiter: ';' };
  if (/^datetime;/.test(header)) return { format: 'skab', delimiter: ';' };
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (columns.length === 2 && columns[0] === 'timestamp' && columns[1] === 'value') {
    return { format: 'nab', delimiter: ',' };
  }
  if (columns.includes('sensor_id') && columns.includes('ts')) return { format: 'wattwatch', delimiter: ',' };
  return null;
}
