/**
 * The development / held-out split of the labelled public files, fixed before any tuning: within
 * each NAB category the files sorted by name alternate dev, held-out, dev, …; SKAB valve1
 * experiments with an even number are dev, odd ones held-out. Detector changes are judged on dev
 * files only; held-out figures are reported beside them and never used to choose a setting, so
 * they estimate what the detector scores on series it has never been fitted to.
 */
export type Split = 'dev' | 'held-out';

export const SPLITS: readonly Split[] = ['dev', 'held-out'];

/** Split of the i-th file (0-based) of a category's files sorted by name. */
export function nabSplit(indexInCategory: number): Split {
  return indexInCategory % 2 === 0 ? 'dev' : 'held-out';
}

/** Split of SKAB experiment `<n>.csv`. */
export function skabSplit(experiment: number): Split {
  return experiment % 2 === 0 ? 'dev' : 'held-out';
}
