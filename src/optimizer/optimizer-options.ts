/** Thresholds and assumptions of the optimizer's rules; each one a suggestion relies on is cited in its evidence. */
import type { DeviceType } from '../domain/device-type.ts';
import { DEFAULT_TARIFF, type Tariff } from './tariff.ts';

export interface OptimizerOptions {
  readonly tariff: Tariff;
  /** Suggestions kept after sorting (the seed kept 15). */
  readonly maxSuggestions: number;
  /** A device type needs this many sensors before a sensor is compared with its peers. */
  readonly minPeers: number;
  /** Suggestions saving less than this per day are left out (maintenance never is). */
  readonly minSavingsPerDay: number;
  /** Peak shifting: loads at or above this quantile of their device type… */
  readonly peakQuantile: number;
  /** …with a failure probability below this… */
  readonly peakMaxFailureProbability: number;
  /** …of which this share of the on-peak energy is assumed movable to off-peak. */
  readonly shiftableFraction: number;
  /** Maintenance above this failure probability (critical urgency above `maintenanceCritical`). */
  readonly maintenanceThreshold: number;
  readonly maintenanceCritical: number;
  /** Share of a degrading device's energy assumed wasted until it is serviced. */
  readonly degradationWaste: number;
  /** Efficiency audit above this ratio to the device type's mean power. */
  readonly efficiencyRatio: number;
  /** Share of the excess over the type mean assumed recoverable by an audit. */
  readonly efficiencyRecoverable: number;
  /** Night shutdown: these types, idling below this fraction of their type's median power. */
  readonly nightTypes: readonly DeviceType[];
  readonly idleFraction: number;
}

export const DEFAULT_OPTIMIZER_OPTIONS: OptimizerOptions = Object.freeze({
  tariff: DEFAULT_TARIFF,
  maxSuggestions: 15,
  minPeers: 3,
  minSavingsPerDay: 0.5,
  peakQuantile: 0.75,
  peakMaxFailureProbability: 0.4,
  shiftableFraction: 0.3,
  maintenanceThreshold: 0.7,
  maintenanceCritical: 0.85,
  degradationWaste: 0.1,
  efficiencyRatio: 1.3,
  efficiencyRecoverable: 0.5,
  nightTypes: ['pump', 'cooling_tower', 'conveyor'] as DeviceType[],
  idleFraction: 0.2,
});
