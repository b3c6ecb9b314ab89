/**
 * Efficiency: a sensor drawing well above the mean of its own device type. Savings = the excess kW
 * over the type mean × 24 h × the day's mean rate × the share an audit is assumed to recover.
 */
import type { Suggestion } from '../../api/contract/suggestion.ts';
import { cents, dayAverageRate } from '../tariff.ts';
import { about, powerEvidence, type Rule, round } from './rule.ts';

export const efficiency: Rule = ({ profiles, peers, options }) => {
  const rate = dayAverageRate(options.tariff);
  const out: Suggestion[] = [];
  for (const p of profiles) {
    const group = peers.get(p.device_type);
    if (!group || group.count < options.minPeers || p.avg_power_kw === null || p.status === 'offline')
      continue;
    if (group.mean <= 0) continue;
    const ratio = p.avg_power_kw / group.mean;
    if (ratio <= options.efficiencyRatio) continue;
    const excessKw = p.avg_power_kw - group.mean;
    const savings = cents(excessKw * 24 * rate * options.efficiencyRecoverable);
    out.push({
      id: `energy_efficiency:${p.sensor_id}`,
      type: 'energy_efficiency',
      ...about(p, options),
      title: 'Energy Efficiency Improvement',
      description: `Draws ${ratio.toFixed(1)}x the mean power of ${group.count} ${p.device_type}s`,
      priority: ratio >= 2 ? 'high' : 'medium',
      action: 'efficiency_audit',
      savings_per_day: savings,
      evidence: [
        powerEvidence(p),
        {
          name: 'type_mean_power',
          value: round(group.mean, 3),
          unit: 'kW',
          note: `${group.count} ${p.device_type}s online`,
        },
        { name: 'efficiency_ratio', value: round(ratio, 2) },
        { name: 'day_mean_rate', value: round(rate, 4), unit: `${options.tariff.currency}/kWh` },
        {
          name: 'assumed_recoverable',
          value: options.efficiencyRecoverable,
          note: 'share of the excess an audit recovers (assumption)',
        },
      ],
    });
  }
  return out;
};
