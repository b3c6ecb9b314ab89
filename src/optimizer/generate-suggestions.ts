/**
 * The optimizer: four pure rules over sensor profiles, merged, sorted by priority then savings (then
 * id, so equal inputs always give equal output), and cut to `maxSuggestions`.
 */
import type { Suggestion, SuggestionPriority } from '../api/contract/suggestion.ts';
import { DEFAULT_OPTIMIZER_OPTIONS, type OptimizerOptions } from './optimizer-options.ts';
import { peerStats } from './peer-stats.ts';
import { efficiency } from './rules/efficiency.ts';
import { nightShutdown } from './rules/night-shutdown.ts';
import { peakShifting } from './rules/peak-shifting.ts';
import { predictiveMaintenance } from './rules/predictive-maintenance.ts';
import type { Rule } from './rules/rule.ts';
import type { SensorProfile } from './sensor-profile.ts';
import { localHour } from './tariff.ts';

const RULES: readonly Rule[] = [peakShifting, predictiveMaintenance, efficiency, nightShutdown];
const RANK: Record<SuggestionPriority, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** All suggestions found for `profiles` at `now`, before the cut, in output order. */
export function findSuggestions(
  profiles: readonly SensorProfile[],
  now: Date,
  options: OptimizerOptions = DEFAULT_OPTIMIZER_OPTIONS,
): Suggestion[] {
  const input = {
    profiles,
    peers: peerStats(profiles),
    options,
    hour: localHour(now, options.tariff.timeZone),
  };
  return RULES.flatMap((rule) => rule(input))
    .filter((s) => s.type === 'predictive_maintenance' || s.savings_per_day >= options.minSavingsPerDay)
    .sort(
      (a, b) =>
        RANK[a.priority] - RANK[b.priority] ||
        b.savings_per_day - a.savings_per_day ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** The top `maxSuggestions` suggestions and how many were found. */
export function generateSuggestions(
  profiles: readonly SensorProfile[],
  now: Date,
  options: OptimizerOptions = DEFAULT_OPTIMIZER_OPTIONS,
): { suggestions: Suggestion[]; total: number } {
  const all = findSuggestions(profiles, now, options);
  return { suggestions: all.slice(0, options.maxSuggestions), total: all.length };
}
