/**
 * Labelled episodes and how fast they were caught. An episode is a run of consecutive readings of
 * one sensor carrying the same ground-truth label; it is detected when any of its readings is
 * flagged, with a delay from its first reading to that flag (in ms and in readings).
 */
export interface EpisodeEvent {
  /** The episode's label (anomaly kind). */
  readonly kind: string;
  /** Set when the reading just closed an episode or found the first flag in it. */
  readonly detectedDelayMs?: number;
  readonly detectedDelayReadings?: number;
  readonly started?: boolean;
}

interface OpenEpisode {
  kind: string;
  startMs: number;
  readings: number;
  detected: boolean;
}

export interface EpisodeTracker {
  /**
   * Feeds one reading; returns what changed (a new episode, a first detection), or null. `ms` is
   * read only for a labelled reading.
   */
  add(sensor: string, ms: number, label: string | null, flagged: boolean): EpisodeEvent | null;
}

export function createEpisodeTracker(): EpisodeTracker {
  const open = new Map<string, OpenEpisode>();
  return {
    add(sensor, ms, label, flagged) {
      let episode = open.get(sensor);
      if (label === null) {
        if (episode) open.delete(sensor);
        return null;
      }
      let started = false;
      if (!episode || episode.kind !== label) {
        episode = { kind: label, startMs: ms, readings: 0, detected: false };
        open.set(sensor, episode);
        started = true;
      }
      episode.readings++;
      if (flagged && !episode.detected) {
        episode.detected = true;
        return {
          kind: label,
          started,
          detectedDelayMs: ms - episode.startMs,
          detectedDelayReadings: episode.readings - 1,
        };
      }
      return started ? { kind: label, started } : null;
    },
  };
}

/**
 * Alert onsets: a flag opens an alert unless one is open; an alert closes after `quiet` readings
 * without a flag. This is what an operator is paged for, and what the NAB score counts below.
 */
export function createOnsetTracker(quiet: number): (sensor: string, flagged: boolean) => boolean {
  const quietSince = new Map<string, number>();
  return (sensor, flagged) => {
    const q = quietSince.get(sensor);
    if (flagged) {
      quietSince.set(sensor, 0);
      return q === undefined;
    }
    if (q !== undefined) {
      if (q + 1 >= quiet) quietSince.delete(sensor);
      else quietSince.set(sensor, q + 1);
    }
    return false;
  };
}
