/**
 * Predictive maintenance: failure probability above the threshold. The cost estimate is the energy a
 * degrading device is assumed to waste (a share of its daily energy at the day's mean rate), weighted
 * by the failure probability; the evidence states that assumption.
 */
import type { Suggestion } from '../../api/contract/suggestion.ts';
import { cents, dayAverageRate } from '../tariff.ts';
import { about, powerEvidence, type Rule, round } from './rule.ts';

export const predictiveMaintenance: Rule = ({ profiles, options }) => {
  const rate = dayAverageRate(options.tariff);
  const out: Suggestion[] = [];
  for (const p of profiles) {
    if (p.status === 'offline' || p.failure_probability <= options.maintenanceThreshold) continue;
    const dailyKwh = (p.avg_power_kw ?? 0) * 24;
    const savings = cents(Math.max(0, p.failure_probability * dailyKwh * options.degradationWaste * rate));
    const urgency = p.failure_probability > options.maintenanceCritical ? 'critical' : 'high';
    out.push({
      id: `predictive_maintenance:${p.sensor_id}`,
      type: 'predictive_maintenance',
      ...about(p, options),
      title: 'Schedule Preventive Maintenance',
      description:
        p.reasons.length > 0
          ? `High failure probability: ${p.reasons.slice(0, 2).join('; ')}`
          : 'High failure probability detected - recommend inspection',
      priority: urgency === 'critical' ? 'critical' : 'high',
      action: 'schedule_maintenance',
      savings_per_day: savings,
      evidence: [
        { name: 'failure_probability', value: round(p.failure_probability, 3) },
        { name: 'urgency', value: urgency },
        { name: 'status', value: p.status },
        { name: 'anomaly_score', value: round(p.anomaly_score, 3) },
        ...p.reasons.slice(0, 3).map((reason) => ({ name: 'reason', value: reason })),
        powerEvidence(p),
        {
          name: 'assumed_waste',
          value: options.degradationWaste,
          note: 'share of daily energy a degrading device wastes until serviced (assumption)',
        },
      ],
    });
  }
  return out;
};
