/**
 * Runs a detector over a recorded CSV (any replay layout), in chunks as the processor would see
 * them, yielding each reading with its assessment, or a row error with its line number.
 */
import type { Reading } from '../../../domain/reading.ts';
import type { Assessment } from '../../../domain/sensor-state.ts';
import { openReplayFile, type ReplayFile } from '../../../simulator/replay/read-replay-file.ts';
import type { ReplayMapping } from '../../../simulator/replay/replay-row.ts';
import type { Detector } from '../../detector.ts';

export type ScoredRow =
  | {
      readonly kind: 'scored';
      readonly line: number;
      readonly reading: Reading;
      readonly assessment: Assessment;
    }
  | { readonly kind: 'error'; readonly line: number; readonly message: string };

export interface ScoreFileOptions {
  readonly detector: Detector;
  readonly mapping?: Partial<ReplayMapping>;
  /** Readings per `assess` call. */
  readonly chunk?: number;
}

/** Opens `path` and returns its layout and the scored rows. */
export async function scoreFile(
  path: string,
  options: ScoreFileOptions,
): Promise<{ file: ReplayFile; rows: AsyncGenerator<ScoredRow> }> {
  const file = await openReplayFile(path, { seqBase: 0, ...options.mapping });
  const chunk = options.chunk ?? 1;
  async function* rows(): AsyncGenerator<ScoredRow> {
    let readings: Reading[] = [];
    let lines: number[] = [];
    const flush = function* (): Generator<ScoredRow> {
      const assessments = options.detector.assess(readings);
      for (let i = 0; i < readings.length; i++) {
        yield {
          kind: 'scored',
          line: lines[i] as number,
          reading: readings[i] as Reading,
          assessment: assessments[i] as Assessment,
        };
      }
      readings = [];
      lines = [];
    };
    for await (const row of file.rows()) {
      if (row.kind === 'error') {
        yield row;
        continue;
      }
      readings.push(row.reading);
      lines.push(row.line);
      if (readings.length >= chunk) yield* flush();
    }
    if (readings.length > 0) yield* flush();
  }
  return { file, rows: rows() };
}
