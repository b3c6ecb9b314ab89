/**
 * Kinds of anomaly the simulator injects. A reading's `injected` names the active kind (ground truth
 * for measuring detection quality); detection must never read it.
 */
export const ANOMALY_KINDS = [
  'spike',
  'level_shift',
  'drift',
  'stuck',
  'noise_burst',
  'overheating',
  'dropout',
] as const;

export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
