/** Per-reading confusion counts and the rates reported for them (SKAB's F1, FAR and MAR). */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface BinaryMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** False-alarm rate: FP / (FP + TN), the share of normal readings flagged. */
  readonly far: number;
  /** Missed-alarm rate: FN / (FN + TP), the share of anomalous readings not flagged. */
  readonly mar: number;
}

export function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function countReading(c: Confusion, labelled: boolean, flagged: boolean): void {
  if (labelled) flagged ? c.tp++ : c.fn++;
  else flagged ? c.fp++ : c.tn++;
}

/** Rates of a confusion matrix; a rate with an empty denominator is 0 (F1 of nothing found is 0). */
export function binaryMetrics(c: Confusion): BinaryMetrics {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    far: ratio(c.fp, c.fp + c.tn),
    mar: ratio(c.fn, c.fn + c.tp),
  };
}

export function addConfusion(into: Confusion, from: Confusion): void {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
  into.tn += from.tn;
}
