/**
 * Kinds of anomaly the simulator injects, plus `labelled` for recorded data (NAB, SKAB) whose labels
 * say "anomalous" without a kind. A reading's `injected` names the active kind: ground truth for
 * measuring detection quality, never read by detection.
 */
export const ANOMALY_KINDS = [
  'spike',
  'level_shift',
  'drift',
  'stuck',
  'noise_burst',
  'overheating',
  'dropout',
  'labelled',
] as const;

export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
