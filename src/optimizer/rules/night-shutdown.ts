/**
 * Night shutdown, only during the off-peak window: pumps, cooling towers and conveyors idling far
 * below their type's median power. Savings = their idle kW × off-peak hours × the off-peak rate.
 */
import type { Suggestion } from '../../api/contract/suggestion.ts';
import { quantile } from '../peer-stats.ts';
import { cents, inWindow, windowHours } from '../tariff.ts';
import { about, powerEvidence, type Rule, round } from './rule.ts';

export const nightShutdown: Rule = ({ profiles, peers, options, hour }) => {
  const { tariff } = options;
  if (!inWindow(hour, tariff.offPeakHours)) return [];
  const hours = windowHours(tariff.offPeakHours);
  const out: Suggestion[] = [];
  for (const p of profiles) {
    if (!options.nightTypes.includes(p.device_type) || p.status !== 'normal' || p.avg_power_kw === null)
      continue;
    const group = peers.get(p.device_type);
    if (!group || group.count < options.minPeers) continue;
    const median = quantile(group.sorted, 0.5);
    if (p.avg_power_kw <= 0 || p.avg_power_kw > options.idleFraction * median) continue;
    const savings = cents(p.avg_power_kw * hours * tariff.offPeak);
    out.push({
      id: `operational_optimization:${p.sensor_id}`,
      type: 'operational_optimization',
      ...about(p, options),
      title: 'Consider Night Shutdown',
      description: `Idling at ${round((p.avg_power_kw / median) * 100, 0)}% of a typical ${p.device_type} during off-peak hours`,
      priority: 'low',
      action: 'schedule_shutdown',
      savings_per_day: savings,
      evidence: [
        powerEvidence(p),
        {
          name: 'type_median_power',
          value: round(median, 3),
          unit: 'kW',
          note: `${group.count} ${p.device_type}s online`,
        },
        { name: 'off_peak_hours', value: hours, unit: 'h/day' },
        { name: 'off_peak_rate', value: tariff.offPeak, unit: `${tariff.currency}/kWh` },
      ],
    });
  }
  return out;
};
