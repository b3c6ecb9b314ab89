/**
 * The NAB score as NAB computes it (Lavin & Ahmad 2015; numenta/NAB nab/sweeper.py and runner.py):
 * every labelled window rewards its earliest detection by a scaled sigmoid of the position in the
 * window (1 at the left edge, 0 at the right); an undetected window costs A_FN; every detection
 * outside a window costs A_FP, less when it falls shortly after a window; the first 15% of a file
 * (at most 750 rows) is probation and not scored. A corpus is normalized so the null detector
 * scores 0 and a perfect one 100: 100 · (S − S_null) / (S_perfect − S_null), S_perfect = A_TP · windows.
 */

export interface NabProfile {
  readonly tpWeight: number;
  readonly fpWeight: number;
  readonly fnWeight: number;
}

/** The standard application profile: A_TP = 1, A_FP = −0.11, A_FN = −1. */
export const NAB_STANDARD: NabProfile = Object.freeze({ tpWeight: 1, fpWeight: 0.11, fnWeight: 1 });

export interface NabWindow {
  readonly start: number;
  readonly end: number;
}

export interface NabFileScore {
  readonly score: number;
  /** What the null detector (no detections) scores on this file. */
  readonly nullScore: number;
  /** Every labelled window, counted for the perfect score as NAB does (probation included). */
  readonly windows: number;
  readonly detectedWindows: number;
  readonly falsePositives: number;
}

/** NAB's scaled sigmoid: 2σ(−5x) − 1, and −1 once 3 window-widths or more past a window. */
export function scaledSigmoid(position: number): number {
  if (position >= 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

export function probationaryLength(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
}

/**
 * Scores one file: `times` in ms, ascending; `detections[i]` true where the detector fired;
 * `windows` as inclusive time bounds.
 */
export function scoreNabFile(
  times: readonly number[],
  detections: readonly boolean[],
  windows: readonly NabWindow[],
  profile: NabProfile = NAB_STANDARD,
): NabFileScore {
  const n = times.length;
  const ranges = windows
    .map((w) => ({ left: times.findIndex((t) => t >= w.start), right: lastIndexAtOrBefore(times, w.end) }))
    .filter((r) => r.left >= 0 && r.right >= r.left);
  const probation = probationaryLength(n);
  const maxTP = scaledSigmoid(-1);
  // Each scored window starts at −A_FN and keeps the best (earliest) detection's credit.
  const windowParts = new Map<number, number>();
  let fpPart = 0;
  let falsePositives = 0;
  let k = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    while (k < ranges.length && (ranges[k] as { right: number }).right < i) {
      prevRight = (ranges[k] as { right: number }).right;
      prevWidth = (ranges[k] as { right: number }).right - (ranges[k] as { left: number }).left + 1;
      k++;
    }
    const range = ranges[k];
    const inWindow = range !== undefined && i >= range.left && i <= range.right;
    if (i < probation) continue;
    if (inWindow) {
      if (!windowParts.has(k)) windowParts.set(k, -profile.fnWeight);
      if (!detections[i]) continue;
      const width = range.right - range.left + 1;
      const weighted = (scaledSigmoid(-(range.right - i + 1) / width) * profile.tpWeight) / maxTP;
      windowParts.set(k, Math.max(windowParts.get(k) as number, weighted));
    } else if (detections[i]) {
      const position = prevRight < 0 ? 3 : Math.abs(prevRight - i) / (prevWidth - 1);
      fpPart += scaledSigmoid(position) * profile.fpWeight;
      falsePositives++;
    }
  }
  let windowSum = 0;
  let detected = 0;
  for (const part of windowParts.values()) {
    windowSum += part;
    if (part > -profile.fnWeight) detected++;
  }
  return {
    score: windowSum + fpPart,
    nullScore: -profile.fnWeight * windowParts.size,
    windows: windows.length,
    detectedWindows: detected,
    falsePositives,
  };
}

/** The normalized corpus score over several files' results. */
export function normalizeNab(files: readonly NabFileScore[], profile: NabProfile = NAB_STANDARD): number {
  const raw = files.reduce((s, f) => s + f.score, 0);
  const none = files.reduce((s, f) => s + f.nullScore, 0);
  const perfect = profile.tpWeight * files.reduce((s, f) => s + f.windows, 0);
  return (100 * (raw - none)) / (perfect - none);
}

function lastIndexAtOrBefore(times: readonly number[], t: number): number {
  for (let i = times.length - 1; i >= 0; i--) if ((times[i] as number) <= t) return i;
  return -1;
}
