import { describe, expect, it } from 'vitest';
import { CHANNEL_STRIDE, type ChannelObservation, type ChannelRates } from './channel-layout.ts';
import { ChannelState } from './channel-state.ts';
import { rateOf } from './options.ts';
import { createRandom } from './random.ts';
import { decimalResolution, initialBaseline } from './warmup-stats.ts';

const short = rateOf(5);
const RATES: ChannelRates = {
  level: rateOf(100),
  slow: rateOf(1000),
  short,
  shortNorm: Math.sqrt(short / (2 - short)),
  settleUnflagged: true,
};

function noise(seed: number): () => number {
  const random = createRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function newChannel(): ChannelState {
  return new ChannelState(0, new Float64Array(CHANNEL_STRIDE), 0);
}

function obs(): ChannelObservation {
  return { z: 0, zs: 0, dz: 0, vol: 0, stuck: 0, expected: 0, drift: 0, reference: 0 };
}

describe('initialBaseline', () => {
  it('estimates level and σ robustly when 4% of the warm-up is wild outliers', () => {
    const n = noise(1);
    const values = Array.from({ length: 500 }, (_, i) => (i % 25 === 0 ? 1e4 : 50 + 2 * n()));
    const b = initialBaseline(values, short);
    expect(b.median).toBeCloseTo(50, 0);
    // True σ is 2. The 95th percentile then reads the clean 99th: about a third high, not 5000×.
    expect(b.spread).toBeGreaterThan(1.6);
    expect(b.spread).toBeLessThan(2.8);
  });

  it('measures how far the level wanders with each reading clipped, as the live short-term mean is', () => {
    const n = noise(2);
    const clean = Array.from({ length: 500 }, () => 50 + 2 * n());
    const spiky = clean.map((x, i) => (i % 25 === 0 ? 1e4 : x));
    // Unclipped, every spike would have set the wander hundreds of times too wide.
    expect(initialBaseline(spiky, short).wander).toBeLessThan(2 * initialBaseline(clean, short).wander);
  });

  it('gives a quantized signal a spread of its steps, not the MAD of 0', () => {
    const values = Array.from({ length: 400 }, (_, i) =>
      i % 8 === 0 ? 33 : i % 8 === 4 ? 31 : 32 + 1e-4 * (i % 3),
    );
    const b = initialBaseline(values, short);
    expect(b.median).toBeCloseTo(32, 3);
    expect(b.spread).toBeGreaterThan(0.4);
    expect(b.repeatRate).toBe(0);
  });
});

describe('resolution', () => {
  it('is the smallest step between warm-up values, or the finest decimal place they show', () => {
    expect(initialBaseline([0.03, 0.031, 0.03, 0.029, 0.033], short).resolution).toBeCloseTo(0.001, 9);
    expect(decimalResolution([0.02, 0.02, 0.02])).toBeCloseTo(0.01, 12);
    expect(decimalResolution([31, 30, 12.5])).toBeCloseTo(0.1, 12);
    expect(decimalResolution([7])).toBe(1);
  });

  it('keeps a channel flat through its warm-up from calling one step of its resolution an anomaly', () => {
    const channel = newChannel();
    channel.start(
      Array.from({ length: 60 }, () => 0.02),
      RATES,
    );
    const step = obs();
    channel.observe(0.03, 0, RATES, step);
    // One step of 0.01 is 3.5σ of rounding noise (under every test floor); three steps are not.
    expect(Math.abs(step.z)).toBeLessThan(4);
    expect(Math.abs(step.dz)).toBeLessThan(4);
    const far = obs();
    channel.observe(0.05, 1000, RATES, far);
    expect(far.z).toBeGreaterThan(8);
  });
});

describe('ChannelState', () => {
  /** Feeds values the way the detector does: observe, then learn at full or flagged weight. */
  function feed(
    channel: ChannelState,
    values: readonly number[],
    weight = (_: ChannelObservation) => 1,
    rates = RATES,
  ): ChannelObservation[] {
    return values.map((x, i) => {
      const o = obs();
      channel.observe(x, i * 1000, rates, o);
      channel.learn(x, weight(o), rates);
      return o;
    });
  }

  /** A channel started on 100 noise values and settled on 1500 more, as after its first half hour. */
  function settledChannel(n: () => number): ChannelState {
    const channel = newChannel();
    channel.start(
      Array.from({ length: 100 }, () => n()),
      RATES,
    );
    feed(
      channel,
      Array.from({ length: 1500 }, () => n()),
    );
    return channel;
  }

  const flagged = (o: ChannelObservation) => (Math.abs(o.z) > 4 || Math.abs(o.zs) > 3 ? 0.1 : 1);

  it('does not take one spike for a sustained shift, but does take a lasting one', () => {
    const n = noise(3);
    const spiked = feed(settledChannel(n), [n(), 40, n(), n(), n()]);
    expect(spiked[1]?.z).toBeGreaterThan(20);
    // Unclipped, a 40σ spike moved the short-term mean by 5σ: 17 of its own spreads.
    expect(Math.max(...spiked.map((o) => Math.abs(o.zs)))).toBeLessThan(3.5);
    const shifted = feed(settledChannel(n), [n(), 40, 40 + n(), 40 + n(), 40 + n()]);
    expect(shifted[4]?.zs).toBeGreaterThan(8);
  });

  it('learns how far a signal wanders within minutes when its warm-up was too short to show it', () => {
    // A level wandering with a two-minute memory (σ 1) under reading noise; the warm-up sees one minute.
    const n = noise(6);
    let wander = 0;
    const signal = () => {
      wander = Math.exp(-1 / 120) * wander + Math.sqrt(1 - Math.exp(-2 / 120)) * n();
      return wander + 0.2 * n();
    };
    const values = Array.from({ length: 3060 }, signal);
    const flagsAfterTenMinutes = (rates: ChannelRates) => {
      const channel = newChannel();
      channel.start(values.slice(0, 60), rates);
      const out = feed(channel, values.slice(60), flagged, rates);
      return out.slice(600).filter((o) => flagged(o) < 1).length / (out.length - 600);
    };
    const settling = flagsAfterTenMinutes(RATES);
    const frozen = flagsAfterTenMinutes({ ...RATES, settleUnflagged: false });
    expect(settling).toBeLessThan(0.02);
    expect(frozen).toBeGreaterThan(3 * settling);
  });

  it('does not trust the wander a one-minute warm-up saw until the reference has seen its horizon', () => {
    const n = noise(7);
    const start = Array.from({ length: 60 }, () => n());
    const trusting = { ...RATES, settleUnflagged: false };
    /** zs of the value 3 after `readings` zeros, read by a settling and by a trusting view of one state. */
    const zsAfter = (readings: number) => {
      const state = new Float64Array(CHANNEL_STRIDE);
      const channel = new ChannelState(0, state, 0);
      channel.start(start, RATES);
      feed(
        channel,
        Array.from({ length: readings }, () => 0),
      );
      const copy = new ChannelState(0, Float64Array.from(state), 0);
      const settling = obs();
      channel.observe(3, readings * 1000, RATES, settling);
      const plain = obs();
      copy.observe(3, readings * 1000, trusting, plain);
      return { settling: settling.zs, plain: plain.zs };
    };
    // Just after warm-up the channel has seen 60 readings of a horizon of 1/slow ≈ 1443.
    const early = zsAfter(0);
    expect(early.settling).toBeCloseTo(early.plain * Math.sqrt(60 * RATES.slow), 6);
    expect(early.plain).toBeGreaterThan(3 * early.settling);
    // Past the horizon the statistic is the plain one again.
    const late = zsAfter(1500);
    expect(late.settling).toBeGreaterThan(0);
    expect(late.settling).toBe(late.plain);
  });

  it('converges on a new level within a few half-lives when the change is accepted', () => {
    const n = noise(2);
    const channel = newChannel();
    channel.start(
      Array.from({ length: 100 }, () => 10 + n()),
      RATES,
    );
    feed(
      channel,
      Array.from({ length: 700 }, () => 14 + n()),
    );
    expect(channel.level).toBeCloseTo(14, 0);
    expect(channel.spread).toBeGreaterThan(0.7);
    expect(channel.spread).toBeLessThan(1.4);
  });

  it('is not dragged by outliers: 5% spikes of 100σ move the level by under 0.3σ', () => {
    const n = noise(3);
    const channel = newChannel();
    channel.start(
      Array.from({ length: 100 }, () => n()),
      RATES,
    );
    feed(
      channel,
      Array.from({ length: 2000 }, (_, i) => (i % 20 === 7 ? 100 : n())),
    );
    expect(Math.abs(channel.level)).toBeLessThan(0.3);
    expect(channel.spread).toBeLessThan(1.6);
  });

  it('learns a tenth as fast while readings are flagged, so an anomaly does not become normal', () => {
    const accepting = settledChannel(noise(4));
    const guarded = settledChannel(noise(4));
    const n = noise(40);
    const shifted = Array.from({ length: 200 }, () => 8 + n());
    feed(accepting, shifted);
    feed(guarded, shifted, flagged);
    expect(accepting.level).toBeGreaterThan(4);
    expect(guarded.level).toBeLessThan(1.5);
  });

  it('calls a return to the reference after a followed excursion normal, and a spike from there not', () => {
    const n = noise(8);
    const channel = settledChannel(n);
    // Ten minutes at +8σ, learned at full weight: the fast level follows, the slow reference a third.
    feed(
      channel,
      Array.from({ length: 600 }, () => 8 + n()),
    );
    expect(channel.level).toBeGreaterThan(6);
    const back = obs();
    channel.observe(0, 0, RATES, back);
    expect(Math.abs(back.z)).toBeLessThan(4);
    const spike = obs();
    channel.observe(20, 1000, RATES, spike);
    expect(spike.z).toBeGreaterThan(6);
    const below = obs();
    channel.observe(-12, 2000, RATES, below);
    expect(below.z).toBeLessThan(-6);
  });

  it('measures a slow drift against the slow reference, where the fast level has followed it', () => {
    const n = noise(5);
    const channel = settledChannel(n);
    const out = feed(
      channel,
      Array.from({ length: 600 }, (_, i) => 0.01 * i + n()),
    );
    const last = out.at(-1) as ChannelObservation;
    expect(Math.abs(last.z)).toBeLessThan(3);
    expect(last.zs).toBeGreaterThan(4);
  });

  it('learns the wander of the drift it tests: a ramp the fleet explains does not widen it', () => {
    const n = noise(8);
    const values = Array.from({ length: 600 }, (_, i) => 0.005 * i + n());
    const own = settledChannel(noise(9));
    const shared = settledChannel(noise(9));
    const before = shared.sustainedZ(1);
    feed(own, values);
    // As the detector does when the type's sensors all move: the test sees only the drift beyond theirs.
    values.forEach((x, i) => {
      shared.observe(x, i * 1000, RATES, obs());
      shared.sustainedZ(0);
      shared.learn(x, 1, RATES);
    });
    // One unit of drift counts as much as before the ramp for the sensor that moved with its fleet,
    // and far less for the one whose whole ramp was its own wander.
    expect(shared.sustainedZ(1)).toBeGreaterThan(0.8 * before);
    expect(shared.sustainedZ(1)).toBeGreaterThan(2 * own.sustainedZ(1));
  });

  it('holds a drift net of the fleet to its own wander and to how far its peers disagree', () => {
    const channel = settledChannel(noise(10));
    const alone = channel.sustainedZ(2);
    expect(channel.sustainedZ(2, 0)).toBe(alone);
    // A peer spread as wide as the wander widens the scale by √2; a far wider one dominates it.
    const wander = 2 / alone;
    expect(channel.sustainedZ(2, wander)).toBeCloseTo(alone / Math.SQRT2, 9);
    expect(channel.sustainedZ(2, 100 * wander)).toBeLessThan(alone / 90);
  });

  it('counts repeats of an exact value as growing evidence of a stuck sensor', () => {
    const n = noise(6);
    const channel = newChannel();
    channel.start(
      Array.from({ length: 100 }, () => n()),
      RATES,
    );
    const out = feed(channel, [
      ...Array.from({ length: 50 }, () => n()),
      ...Array.from({ length: 6 }, () => 0.5),
    ]);
    const stuck = out.slice(-6).map((o) => o.stuck);
    expect(stuck[0]).toBe(0);
    for (let i = 1; i < stuck.length; i++) expect(stuck[i]).toBeGreaterThan(stuck[i - 1] as number);
    // A repeat of a continuous value has a probability under 1%: six repeats are 1-in-10^6 odds.
    expect(stuck[3]).toBeGreaterThanOrEqual(5);
  });
});
