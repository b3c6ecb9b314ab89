/** What every rule receives; each rule is a pure function of it. */

import type { Suggestion } from '../../api/contract/suggestion.ts';
import type { DeviceType } from '../../domain/device-type.ts';
import type { OptimizerOptions } from '../optimizer-options.ts';
import type { PeerStats } from '../peer-stats.ts';
import type { SensorProfile } from '../sensor-profile.ts';

export interface RuleInput {
  readonly profiles: readonly SensorProfile[];
  readonly peers: ReadonlyMap<DeviceType, PeerStats>;
  readonly options: OptimizerOptions;
  /** Local hour (0..23) in the tariff's time zone. */
  readonly hour: number;
}

export type Rule = (input: RuleInput) => Suggestion[];

/** The fields every suggestion about `p` shares. */
export function about(p: SensorProfile, options: OptimizerOptions) {
  return {
    sensor_id: p.sensor_id,
    device_type: p.device_type,
    location: p.location,
    currency: options.tariff.currency,
  };
}

export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Evidence line for the measured average power. */
export function powerEvidence(p: SensorProfile) {
  return {
    name: 'avg_power',
    value: round(p.avg_power_kw ?? 0, 3),
    unit: 'kW',
    note:
      p.window_minutes > 0
        ? `mean over the last ${p.window_minutes} min of history`
        : 'latest reading (no history yet)',
  };
}
