import type { DeviceType } from '../../domain/device-type.ts';
import type { Metric } from '../../domain/metric.ts';
import type { Reading } from '../../domain/reading.ts';

/** One line of a replay file: a validated reading, or why the line was skipped. */
export type ReplayRow =
  | { readonly kind: 'reading'; readonly line: number; readonly reading: Reading }
  | { readonly kind: 'error'; readonly line: number; readonly message: string };

/** Where a core metric or an extra channel goes: `temperature` or `extra.flow_rate`. */
export type ChannelTarget = Metric | `extra.${string}`;

/** How single-sensor recordings (NAB, SKAB) become readings; wattwatch CSVs carry all of this per row. */
export interface ReplayMapping {
  readonly sensorId: string;
  readonly deviceType: DeviceType;
  readonly location: string;
  /** Where a NAB file's `value` column goes. */
  readonly metric: ChannelTarget;
  readonly producerHost: string;
  /** First `seq`; rows count up from it. Defaults to the start time in ms so replays never go backwards. */
  readonly seqBase: number;
  /** NAB label windows (`combined_windows.json`); `auto` looks for `../../labels/` next to the file. */
  readonly nabLabels: 'auto' | 'none' | string;
}

export const DEFAULT_REPLAY_MAPPING: Omit<ReplayMapping, 'sensorId' | 'seqBase'> = Object.freeze({
  deviceType: 'pump',
  location: 'replay',
  metric: 'power_kw',
  producerHost: 'replay',
  nabLabels: 'auto',
});
