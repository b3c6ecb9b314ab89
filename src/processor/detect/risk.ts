/**
 * failure_probability and status from the evidence. Evidence is a leaky sum of how far readings
 * exceed their thresholds: one glitch adds a little and fades, a deviation that persists keeps
 * adding and drives the probability towards 1. Rule bands set a floor under it. Every input can
 * only raise the result, so it is monotone in the evidence.
 */
import type { SensorStatus } from '../../domain/sensor-status.ts';
import type { Severity } from './rules.ts';

/** Excess credited per reading is capped so one absurd value is still one reading's worth. */
const MAX_STEP = 6;
/** Failure probability with no evidence, in a warning band, in a critical band. */
const BAND_FLOOR = [0.02, 0.25, 0.6] as const;
/** At or above this failure probability an anomalous sensor is critical. */
export const CRITICAL_PROBABILITY = 0.7;

/** Evidence after a reading whose combined ratio (value / threshold) is `ratio`. */
export function nextEvidence(evidence: number, ratio: number, decay: number): number {
  const step = ratio >= 1 ? (ratio < MAX_STEP ? ratio : MAX_STEP) : 0;
  return evidence * decay + step;
}

/** 1 − (1 − band floor) · e^(−evidence / scale): in [0, 1), rising with evidence and severity. */
export function failureProbability(evidence: number, severity: Severity, scale: number): number {
  return 1 - (1 - BAND_FLOOR[severity]) * Math.exp(-evidence / scale);
}

/** critical: a critical band or a likely failure; warning: an anomaly or a warning band. */
export function statusOf(isAnomaly: boolean, severity: Severity, probability: number): SensorStatus {
  if (severity === 2 || (isAnomaly && probability >= CRITICAL_PROBABILITY)) return 'critical';
  if (severity === 1 || isAnomaly) return 'warning';
  return 'normal';
}
