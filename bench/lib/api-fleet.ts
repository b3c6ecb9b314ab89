/** The fleet bench/api.ts serves: bench readings with a fixed status mix (2% critical, 8% warning). */
import type { Assessment } from '../../src/domain/sensor-state.ts';
import type { ScoredReading } from '../../src/store/sensor-hash.ts';
import { benchReading } from './fleet-messages.ts';

export function statusOf(index: number, round: number): Assessment['status'] {
  const draw = (index * 7919 + round * 104729) % 100;
  return draw < 2 ? 'critical' : draw < 10 ? 'warning' : 'normal';
}

/** Round `round` of sensor `index`, scored. */
export function apiBenchReading(index: number, round: number): ScoredReading {
  const status = statusOf(index, round);
  return {
    reading: benchReading(index, round, 1000),
    assessment: {
      anomaly_score: status === 'normal' ? 0.1 : 0.7,
      is_anomaly: status !== 'normal',
      failure_probability: status === 'critical' ? 0.8 : 0.05,
      status,
      reasons: status === 'normal' ? [] : ['temperature 4.2σ above its baseline for 1 min'],
      model_version: 'bench@1',
    },
  };
}
