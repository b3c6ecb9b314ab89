/** Human-readable reasons: what deviated, by how much, against what, and for how long. */
import { isMetric, METRIC_LABELS, METRIC_UNITS } from '../../domain/metric.ts';
import { T_DEVIATION, T_JUMP, T_NOISE, T_STUCK, T_SUSTAINED } from './channel-features.ts';

/** What pass one remembers about a reading's strongest test, to phrase it only when needed. */
export interface TestFinding {
  readonly channel: string;
  readonly test: number;
  /** The test statistic and the feature's signed value (σ for deviations and jumps). */
  readonly value: number;
  readonly signed: number;
  /** For stuck: the repeated value; for a deviation: the expected value. */
  readonly reference: number;
  readonly repeats: number;
}

/** "temperature 4.1σ above its baseline of 40.1 °C for 3 min". */
export function describeChannelTest(f: TestFinding, forMs: number): string {
  const { name, unit } = channelWords(f.channel);
  const side = f.signed >= 0 ? 'above' : 'below';
  const lasting = forMs >= 1000 ? ` for ${formatDuration(forMs)}` : '';
  const baseline = `its baseline${Number.isFinite(f.reference) ? ` of ${withUnit(f.reference, unit, 3)}` : ''}`;
  switch (f.test) {
    case T_DEVIATION:
      return `${name} ${Math.abs(f.signed).toFixed(1)}σ ${side} ${baseline}${lasting}`;
    case T_SUSTAINED:
      return `${name} persistently ${Math.abs(f.signed).toFixed(1)}σ ${side} ${baseline}${lasting}`;
    case T_JUMP:
      return `${name} jumped ${Math.abs(f.signed).toFixed(1)}σ ${f.signed >= 0 ? 'up' : 'down'} since the last reading`;
    case T_NOISE:
      return `${name} ${(2 ** f.signed).toFixed(1)}× noisier than usual${lasting}`;
    case T_STUCK:
      return `${name} stuck at ${withUnit(f.reference, unit, 6)} for ${f.repeats + 1} readings`;
    default:
      return `${name} unusual`;
  }
}

/**
 * A channel in words and its unit. The detector watches the energy meter as its rate (kW), not its
 * count; a channel that is not a core metric (a replayed file's own column) keeps its name.
 */
export function channelWords(channel: string): { name: string; unit: string } {
  if (channel === 'energy_kwh') return { name: 'energy use rate', unit: 'kW' };
  if (isMetric(channel)) return { name: METRIC_LABELS[channel], unit: METRIC_UNITS[channel] };
  return { name: channel, unit: '' };
}

export function describeGap(ratio: number, intervalMs: number): string {
  return `resumed after ${formatDuration(ratio * intervalMs)} of silence (usually every ${formatDuration(intervalMs)})`;
}

export function describeMissing(channels: number): string {
  return channels === 1 ? 'a channel stopped reporting' : `${channels} channels stopped reporting`;
}

export function describeForest(deviceType: string, score: number, threshold: number): string {
  return `unusual combination of readings for a ${deviceType} (forest score ${score.toFixed(3)} ≥ ${threshold.toFixed(3)})`;
}

/** 850 ms, 42 s, 3 min, 2.5 h, 3.1 d. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} d`;
}

/** 40.1 °C, 230 V, 0.95 (significant digits for non-integers). */
function withUnit(v: number, unit: string, digits: number): string {
  const text = Number.isInteger(v) ? String(v) : Number(v.toPrecision(digits)).toString();
  return unit === '' ? text : `${text} ${unit}`;
}
