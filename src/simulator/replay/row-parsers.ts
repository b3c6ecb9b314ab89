/**
 * One parser per recorded layout: header + mapping in, a function from CSV cells to a ReplayRow out.
 * Every row is validated by the reading schema, so replay publishes only what the processor accepts.
 */
import { validateReading } from '../../domain/reading-codec.ts';
import {
  type ChannelValues,
  emptyChannels,
  isChannelTarget,
  parseCell,
  setChannel,
} from './channel-values.ts';
import { toUtcIso } from './csv-timestamp.ts';
import { inWindows, type TimeWindow } from './nab-windows.ts';
import type { ReplayFormat } from './replay-format.ts';
import type { ChannelTarget, ReplayMapping, ReplayRow } from './replay-row.ts';

export type RowParser = (cells: readonly string[], line: number) => ReplayRow;

export interface ParserContext {
  readonly header: readonly string[];
  readonly mapping: ReplayMapping;
  readonly nabWindows: readonly TimeWindow[] | null;
}

/** SKAB columns and where they go; the valve-closure signal lives mostly in flow and the thermocouple. */
const SKAB_CHANNELS: Readonly<Record<string, ChannelTarget>> = {
  Accelerometer1RMS: 'vibration',
  Accelerometer2RMS: 'extra.accelerometer2_rms',
  Current: 'current',
  Pressure: 'pressure',
  Temperature: 'temperature',
  Thermocouple: 'extra.thermocouple',
  Voltage: 'voltage',
  'Volume Flow RateRMS': 'extra.flow_rate',
};

export function createRowParser(format: ReplayFormat, context: ParserContext): RowParser {
  if (format === 'nab') return nabParser(context);
  if (format === 'skab') return skabParser(context);
  return wattwatchParser(context);
}

function nabParser({ mapping, nabWindows }: ParserContext): RowParser {
  let index = 0;
  return (cells, line) => {
    if (cells.length !== 2) return error(line, `expected 2 columns (timestamp,value), got ${cells.length}`);
    const ts = toUtcIso(cells[0] ?? '');
    if (!ts) return error(line, `bad timestamp '${cells[0]}'`);
    const value = parseCell(cells[1]);
    if (value === undefined || value === null) return error(line, `value '${cells[1]}' is not a number`);
    const channels = emptyChannels();
    setChannel(channels, mapping.metric, value);
    const labelled = nabWindows ? inWindows(nabWindows, Date.parse(ts)) : false;
    return build(line, mapping, ts, mapping.seqBase + index++, channels, labelled ? 'labelled' : null);
  };
}

function skabParser({ header, mapping }: ParserContext): RowParser {
  const timeColumn = header.indexOf('datetime');
  const anomalyColumn = header.indexOf('anomaly');
  const channels = header.flatMap((name, column) => {
    const target = SKAB_CHANNELS[name];
    return target ? [{ column, name, target }] : [];
  });
  let index = 0;
  return (cells, line) => {
    if (cells.length !== header.length)
      return error(line, `expected ${header.length} columns, got ${cells.length}`);
    const ts = toUtcIso(cells[timeColumn] ?? '');
    if (!ts) return error(line, `bad timestamp '${cells[timeColumn]}'`);
    const values = emptyChannels();
    for (const { column, name, target } of channels) {
      const value = parseCell(cells[column]);
      if (value === undefined) return error(line, `${name} '${cells[column]}' is not a number`);
      setChannel(values, target, value);
    }
    const label = anomalyColumn >= 0 ? parseCell(cells[anomalyColumn]) : null;
    if (label === undefined) return error(line, `anomaly '${cells[anomalyColumn]}' is not 0 or 1`);
    return build(line, mapping, ts, mapping.seqBase + index++, values, label ? 'labelled' : null);
  };
}

function wattwatchParser({ header, mapping }: ParserContext): RowParser {
  const column = (name: string) => header.indexOf(name);
  const channels = header.flatMap((name, index) => (isChannelTarget(name) ? [{ index, name }] : []));
  const seqCounters = new Map<string, number>();
  return (cells, line) => {
    if (cells.length !== header.length)
      return error(line, `expected ${header.length} columns, got ${cells.length}`);
    const cell = (name: string) => (column(name) >= 0 ? (cells[column(name)] ?? '').trim() : '');
    const ts = toUtcIso(cell('ts'));
    if (!ts) return error(line, `bad timestamp '${cell('ts')}'`);
    const values = emptyChannels();
    for (const { index, name } of channels) {
      const value = parseCell(cells[index]);
      if (value === undefined) return error(line, `${name} '${cells[index]}' is not a number`);
      setChannel(values, name as ChannelTarget, value);
    }
    const sensorId = cell('sensor_id');
    const seqText = cell('seq');
    // Rows without a seq are numbered per sensor; a rejected row does not use up a number.
    const seq = seqText === '' ? (seqCounters.get(sensorId) ?? mapping.seqBase) : Number(seqText);
    const injected = cell('injected') === '' ? null : cell('injected');
    const reading = {
      sensor_id: sensorId,
      ts,
      seq,
      device_type: cell('device_type'),
      location: cell('location'),
      ...values,
      producer_host: cell('producer_host') || mapping.producerHost,
      injected,
    };
    const row = validated(line, reading);
    if (row.kind === 'reading' && seqText === '') seqCounters.set(sensorId, seq + 1);
    return row;
  };
}

function build(
  line: number,
  mapping: ReplayMapping,
  ts: string,
  seq: number,
  values: ChannelValues,
  injected: 'labelled' | null,
): ReplayRow {
  return validated(line, {
    sensor_id: mapping.sensorId,
    ts,
    seq,
    device_type: mapping.deviceType,
    location: mapping.location,
    ...values,
    producer_host: mapping.producerHost,
    injected,
  });
}

function validated(line: number, candidate: unknown): ReplayRow {
  const result = validateReading(candidate);
  return result.ok ? { kind: 'reading', line, reading: result.value } : error(line, result.message);
}

function error(line: number, message: string): ReplayRow {
  return { kind: 'error', line, message };
}
