/** One CSV row per scored reading, as `wattwatch score` writes them. */
import type { Reading } from '../../../domain/reading.ts';
import type { Assessment } from '../../../domain/sensor-state.ts';

export const SCORE_CSV_HEADER =
  'ts,sensor_id,anomaly_score,is_anomaly,status,failure_probability,model_version,reasons,label';

export function scoreCsvRow(reading: Reading, a: Assessment): string {
  return [
    reading.ts,
    quote(reading.sensor_id),
    a.anomaly_score.toFixed(4),
    a.is_anomaly ? 1 : 0,
    a.status,
    a.failure_probability.toFixed(4),
    quote(a.model_version),
    quote(a.reasons.join('; ')),
    reading.injected ?? '',
  ].join(',');
}

/** RFC 4180 quoting when needed. */
function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
