/**
 * Streams a recorded CSV as readings: the layout is recognized from the header, every data line
 * becomes a validated reading or an error row carrying its line number. Nothing is skipped silently.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse';
import { loadNabWindows } from './nab-windows.ts';
import { detectFormat, type FormatInfo } from './replay-format.ts';
import { DEFAULT_REPLAY_MAPPING, type ReplayMapping, type ReplayRow } from './replay-row.ts';
import { createRowParser } from './row-parsers.ts';

export interface ReplayFile {
  readonly format: FormatInfo['format'];
  readonly mapping: ReplayMapping;
  rows(): AsyncGenerator<ReplayRow>;
}

/** Opens `path`, recognizes its layout and returns a row stream; throws on an unknown layout. */
export async function openReplayFile(
  path: string,
  overrides: Partial<ReplayMapping> = {},
): Promise<ReplayFile> {
  const info = detectFormat(await readFirstLine(path));
  if (!info) {
    throw new Error(
      `${path}: unknown CSV layout; expected a wattwatch header (sensor_id,ts,…), ` +
        `NAB (timestamp,value) or SKAB (datetime;…;anomaly;changepoint)`,
    );
  }
  const mapping: ReplayMapping = {
    ...DEFAULT_REPLAY_MAPPING,
    sensorId: defaultSensorId(info.format, path),
    seqBase: Date.now(),
    ...overrides,
  };
  const nabWindows = info.format === 'nab' ? loadNabWindows(path, mapping.nabLabels) : null;
  return {
    format: info.format,
    mapping,
    async *rows() {
      const parser = createReadStream(path).pipe(
        parse({
          delimiter: info.delimiter,
          bom: true,
          info: true,
          relax_column_count: true,
          skip_empty_lines: true,
        }),
      );
      let rowParser: ReturnType<typeof createRowParser> | undefined;
      for await (const { record, info: where } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        if (!rowParser) {
          rowParser = createRowParser(info.format, {
            header: record.map((h) => h.trim()),
            mapping,
            nabWindows,
          });
          continue;
        }
        yield rowParser(record, where.lines);
      }
    },
  };
}

async function readFirstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** `nab_TravelTime_387`, `skab_valve1_3`: a sensor id that says where the data came from. */
function defaultSensorId(format: string, path: string): string {
  const parent = basename(path.slice(0, path.length - basename(path).length));
  const stem = basename(path, extname(path));
  const name = format === 'skab' ? `${parent}_${stem}` : stem;
  return `${format}_${name}`.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64);
}
