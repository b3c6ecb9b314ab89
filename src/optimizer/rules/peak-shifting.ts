/**
 * Peak shifting: a large, healthy load (top quartile of its device type) whose share of on-peak
 * energy could run off-peak. Savings = avg kW × on-peak hours × shiftable share × (on-peak − off-peak rate).
 */
import type { Suggestion } from '../../api/contract/suggestion.ts';
import { quantile } from '../peer-stats.ts';
import { cents, windowHours } from '../tariff.ts';
import { about, powerEvidence, type Rule, round } from './rule.ts';

export const peakShifting: Rule = ({ profiles, peers, options }) => {
  const { tariff } = options;
  const peakHours = windowHours(tariff.peakHours);
  const spread = tariff.onPeak - tariff.offPeak;
  const out: Suggestion[] = [];
  for (const p of profiles) {
    const group = peers.get(p.device_type);
    if (!group || group.count < options.minPeers || p.avg_power_kw === null || p.status === 'offline')
      continue;
    if (p.failure_probability >= options.peakMaxFailureProbability) continue;
    const threshold = quantile(group.sorted, options.peakQuantile);
    // strictly above, as the seed: a fleet of equal loads has no outlier worth moving
    if (p.avg_power_kw <= threshold || p.avg_power_kw <= 0) continue;
    const shiftedKwh = p.avg_power_kw * peakHours * options.shiftableFraction;
    const savings = cents(shiftedKwh * spread);
    out.push({
      id: `cost_optimization:${p.sensor_id}`,
      type: 'cost_optimization',
      ...about(p, options),
      title: 'Shift Operation to Off-Peak Hours',
      description: `Move part of this ${p.device_type}'s on-peak load (${tariff.peakHours[0]}:00–${tariff.peakHours[1]}:00 ${tariff.timeZone}) to off-peak hours`,
      priority: savings >= 5 ? 'high' : 'medium',
      action: 'schedule_shift',
      savings_per_day: savings,
      evidence: [
        powerEvidence(p),
        {
          name: 'type_quantile_power',
          value: round(threshold, 3),
          unit: 'kW',
          note: `${options.peakQuantile} quantile of ${group.count} ${p.device_type}s`,
        },
        {
          name: 'shifted_energy',
          value: round(shiftedKwh, 2),
          unit: 'kWh/day',
          note: `assumes ${options.shiftableFraction * 100}% of the on-peak energy can move`,
        },
        {
          name: 'rate_spread',
          value: round(spread, 4),
          unit: `${tariff.currency}/kWh`,
          note: 'on-peak minus off-peak',
        },
        { name: 'failure_probability', value: round(p.failure_probability, 3) },
      ],
    });
  }
  return out;
};
