import { describe, expect, it } from 'vitest';
import { mean, runGenerator } from '../../../test/support/simulated-run.ts';
import { SIMULATED_ANOMALY_KINDS } from '../../config/simulate-config.ts';
import { ANOMALY_KINDS } from '../../domain/anomaly-kind.ts';
import type { Reading } from '../../domain/reading.ts';
import { createFleet } from '../fleet/create-fleet.ts';
import {
  type AnomalyOptions,
  DEFAULT_ANOMALY_OPTIONS,
  INJECTED_KINDS,
  type InjectedKind,
} from './anomaly-episodes.ts';
import { createGenerator } from './create-generator.ts';

const WED_10 = Date.parse('2026-03-04T10:00:00Z');
const CHANNELS = ['current', 'voltage', 'temperature', 'pressure', 'vibration'] as const;

function only(kind: InjectedKind, ratePerHour: number, durationS?: number): AnomalyOptions {
  const mix = Object.fromEntries(INJECTED_KINDS.map((k) => [k, k === kind ? 1 : 0])) as Record<
    InjectedKind,
    number
  >;
  const durationsS = {
    ...DEFAULT_ANOMALY_OPTIONS.durationsS,
    ...(durationS === undefined ? {} : { [kind]: durationS }),
  };
  return { ratePerHour, mix, durationsS };
}

function simulate(anomalies: AnomalyOptions, sensors: number, steps: number, intervalMs = 10_000, seed = 17) {
  const generator = createGenerator(createFleet({ sensors, seed }), {
    startMs: WED_10,
    intervalMs,
    anomalies,
  });
  return { generator, rows: runGenerator(generator, { startMs: WED_10, steps, intervalMs }) };
}

/** Runs of consecutive readings labelled `kind` (null readings count as `silent`). */
function runsOf(series: (Reading | null)[], kind: string) {
  const runs: { from: number; to: number }[] = [];
  series.forEach((r, k) => {
    const label = r ? r.injected : 'silent';
    if (label !== kind) return;
    const last = runs.at(-1);
    if (last && last.to === k - 1) last.to = k;
    else runs.push({ from: k, to: k });
  });
  return runs;
}

describe('anomaly kinds', () => {
  it('match the domain kinds without `labelled`, and the config’s list', () => {
    expect(INJECTED_KINDS).toEqual(ANOMALY_KINDS.filter((k) => k !== 'labelled'));
    expect([...SIMULATED_ANOMALY_KINDS]).toEqual(INJECTED_KINDS);
  });
});

describe('anomaly episodes', () => {
  const durations = {
    spike: 0,
    level_shift: 60,
    drift: 60,
    stuck: 60,
    noise_burst: 60,
    overheating: 60,
    dropout: 60,
  };
  const options: AnomalyOptions = {
    ratePerHour: 60,
    mix: DEFAULT_ANOMALY_OPTIONS.mix,
    durationsS: durations,
  };
  const { generator, rows } = simulate(options, 300, 720);
  const readings = rows.flat().filter((r): r is Reading => r !== null);

  it('start at the configured rate per kind (within Poisson tolerance)', () => {
    const started = generator.episodesStarted();
    const totalStarts = Object.values(started).reduce((a, b) => a + b, 0);
    // A sensor can start an episode only while idle: readings labelled null, plus the first step of each episode.
    const idleHours = ((readings.filter((r) => r.injected === null).length + totalStarts) * 10) / 3600;
    const weights = DEFAULT_ANOMALY_OPTIONS.mix;
    const weightSum = Object.values(weights).reduce((a, b) => a + b, 0);
    for (const kind of INJECTED_KINDS) {
      const expected = (60 * weights[kind] * idleHours) / weightSum;
      expect(expected, kind).toBeGreaterThan(400);
      expect(Math.abs(started[kind] - expected), kind).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('label exactly the readings they cover: a spike is one reading, the others last about their duration', () => {
    const started = generator.episodesStarted();
    expect(readings.filter((r) => r.injected === 'spike').length).toBe(started.spike);
    for (const kind of ['level_shift', 'drift', 'stuck', 'noise_burst'] as const) {
      // 0.5–1.5 × 60 s at 10 s steps: 3–9 readings, 6.5 on average.
      const perEpisode = readings.filter((r) => r.injected === kind).length / started[kind];
      expect(perEpisode, kind).toBeGreaterThan(5.5);
      expect(perEpisode, kind).toBeLessThan(7.5);
    }
  });

  it('make the labelled channel clearly abnormal (spike, level shift, drift, noise burst)', () => {
    for (const kind of ['spike', 'level_shift', 'drift', 'noise_burst'] as const) {
      let episodes = 0;
      let visible = 0;
      for (const series of rows) {
        for (const run of runsOf(series, kind)) {
          const before = series.slice(run.from - 20, run.from);
          if (run.from < 20 || before.some((r) => !r || r.injected !== null)) continue;
          const during = series.slice(run.from, run.to + 1) as Reading[];
          const z = Math.max(
            ...CHANNELS.map((c) => {
              const values = (before as Reading[]).map((r) => r[c] as number);
              const m = mean(values);
              const sd = Math.sqrt(mean(values.map((v) => (v - m) ** 2))) || 1e-9;
              return Math.max(...during.map((r) => Math.abs((r[c] as number) - m) / sd));
            }),
          );
          episodes++;
          if (z > 4) visible++;
        }
      }
      expect(episodes, kind).toBeGreaterThan(30);
      expect(visible / episodes, kind).toBeGreaterThan(0.95);
    }
  });
});

describe('dropout', () => {
  it('silences the sensor for the episode, then labels the first reading after the gap', () => {
    const { generator, rows } = simulate(only('dropout', 30, 120), 100, 720);
    let gaps = 0;
    for (const series of rows) {
      for (const run of runsOf(series, 'silent')) {
        gaps++;
        // 0.5–1.5 × 120 s at 10 s steps.
        if (run.to < series.length - 1) {
          expect(run.to - run.from + 1).toBeGreaterThanOrEqual(6);
          expect(run.to - run.from + 1).toBeLessThanOrEqual(18);
          expect(series[run.to + 1]?.injected).toBe('dropout');
        }
      }
      // 'dropout' appears only right after a silence.
      series.forEach((r, k) => {
        if (r?.injected === 'dropout') expect(series[k - 1]).toBeNull();
      });
    }
    expect(gaps).toBe(generator.episodesStarted().dropout);
    expect(gaps).toBeGreaterThan(200);
  });

  it('keeps the meter counting through the silence', () => {
    const { rows } = simulate(only('dropout', 30, 120), 30, 720);
    for (const series of rows) {
      for (const run of runsOf(series, 'silent')) {
        const before = series[run.from - 1];
        const after = series[run.to + 1];
        if (!before || !after) continue;
        const gapH = (after.seq - before.seq) / 3_600_000;
        const gained = (after.energy_kwh as number) - (before.energy_kwh as number);
        expect(gained).toBeGreaterThan(0.5 * (before.power_kw as number) * gapH);
        expect(gained).toBeLessThan(2 * (before.power_kw as number) * gapH);
      }
    }
  });
});

describe('stuck', () => {
  const frozenChannel = (segment: Reading[]) =>
    CHANNELS.some((c) => segment.every((r) => r[c] === segment[0]?.[c]));

  /** Splits a run greedily into the longest segments that each hold one channel frozen. */
  function frozenSegments(run: Reading[]): number {
    let segments = 0;
    for (let from = 0; from < run.length; segments++) {
      let to = from + 1;
      while (to < run.length && frozenChannel(run.slice(from, to + 1))) to++;
      from = to;
    }
    return segments;
  }

  it('freezes one channel at exactly its value from the start of the episode', () => {
    const { generator, rows } = simulate(only('stuck', 20, 120), 100, 720);
    let segments = 0;
    for (const series of rows) {
      for (const run of runsOf(series, 'stuck')) {
        // A new episode can start on the step the previous one ended, so one labelled run may be
        // several episodes back to back, each with its own frozen channel.
        segments += frozenSegments(series.slice(run.from, run.to + 1) as Reading[]);
      }
    }
    // Every episode is one frozen segment; an episode whose noise happens to repeat a value at
    // its end may merge with the next, never the other way round.
    const started = generator.episodesStarted().stuck;
    expect(started).toBeGreaterThan(100);
    expect(segments).toBeLessThanOrEqual(started);
    expect(segments).toBeGreaterThan(started * 0.97);
  });
});

describe('overheating', () => {
  it('raises current at once and temperature with a lag, and stays labelled while it cools', () => {
    const { rows } = simulate(only('overheating', 2, 900), 200, 900);
    let episodes = 0;
    for (const series of rows) {
      for (const run of runsOf(series, 'overheating')) {
        const before = series.slice(run.from - 6, run.from) as (Reading | null)[];
        if (run.from < 6 || run.to === series.length - 1 || before.some((r) => !r || r.injected)) continue;
        const during = series.slice(run.from, run.to + 1) as Reading[];
        episodes++;
        const currentBefore = mean((before as Reading[]).map((r) => r.current as number));
        const currentEarly = mean(during.slice(0, 6).map((r) => r.current as number));
        expect(currentEarly / currentBefore).toBeGreaterThan(1.12);
        const tempBefore = mean((before as Reading[]).map((r) => r.temperature as number));
        const peak = Math.max(...during.map((r) => r.temperature as number));
        expect(peak - tempBefore).toBeGreaterThan(15);
        // Temperature lags: the first reading is barely warmer; the label ends once it has cooled.
        expect((during[0]?.temperature as number) - tempBefore).toBeLessThan(5);
        expect((during.at(-1)?.temperature as number) - tempBefore).toBeLessThan(4);
      }
    }
    expect(episodes).toBeGreaterThan(20);
  });
});
