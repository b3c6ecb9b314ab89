/**
 * The per-detector contexts of pass one (observe) and pass three (conclude): the options turned
 * into per-reading rates, and the scratch arrays one reading's channels are gathered into.
 */
import { MAX_CHANNELS } from './channel-features.ts';
import type { ChannelObservation } from './channel-layout.ts';
import type { ConcludeContext } from './conclude-reading.ts';
import type { ObserveContext } from './observe-reading.ts';
import { type DetectorOptions, rateOf } from './options.ts';
import type { RuleBand } from './rules.ts';

export function observeContextOf(
  options: DetectorOptions,
  bands: readonly (RuleBand | undefined)[],
): ObserveContext {
  const shortRate = rateOf(options.shortHalfLife);
  return {
    rates: {
      level: rateOf(options.levelHalfLife),
      slow: rateOf(options.slowHalfLife),
      short: shortRate,
      shortNorm: Math.sqrt(shortRate / (2 - shortRate)),
      settleUnflagged: options.baselineWarmup < options.slowHalfLife / 4,
    },
    intervalRate: rateOf(options.levelHalfLife),
    flaggedLearnWeight: options.flaggedLearnWeight,
    acceptAfterReadings: options.acceptAfterReadings,
    acceptAfterMs: options.acceptAfterMs,
    episodeQuietReadings: options.episodeQuietReadings,
    silenceMemory: 1 - rateOf(options.slowHalfLife),
    bands,
    slots: new Int32Array(MAX_CHANNELS),
    values: new Float64Array(MAX_CHANNELS),
    metricOf: new Int32Array(MAX_CHANNELS),
    flagged: new Uint8Array(MAX_CHANNELS),
    obs: {
      z: 0,
      zs: 0,
      dz: 0,
      vol: 0,
      stuck: 0,
      expected: 0,
      drift: 0,
      reference: 0,
    } satisfies ChannelObservation,
  };
}

export function concludeContextOf(
  options: DetectorOptions,
  bands: readonly (RuleBand | undefined)[],
): ConcludeContext {
  return {
    evidenceDecay: 1 - rateOf(options.evidenceHalfLife),
    evidenceScale: options.evidenceScale,
    episodeQuietReadings: options.episodeQuietReadings,
    bands,
  };
}
