/**
 * Detection quality per stored chunk: the store's `QualityCounter` hook over the detector's live
 * counter (detect/quality-counts.ts: tp/fp/fn/tn, per kind, episodes and detection delays). It sees
 * only the readings the store applied, so replays and racing processors never count twice.
 */
import type { QualityCounter } from '../store/chunk-writer.ts';
import {
  createQualityCounter,
  type QualityCounter as DetectQualityCounter,
} from './detect/quality-counts.ts';

/** A chunk hook with its own episode memory (one per process). */
export function createChunkQualityCounter(
  counter: DetectQualityCounter = createQualityCounter(),
): QualityCounter {
  return (applied) =>
    counter.count(
      applied.map((item) => item.reading),
      applied.map((item) => item.assessment),
    );
}
