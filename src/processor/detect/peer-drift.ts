/**
 * How a device type's sensors are moving together, per channel. A morning shift ramps up every
 * conveyor's current and, with a thermal lag, its temperature; weather warms every cooling tower.
 * To one sensor that is a sustained deviation from its slow reference, indistinguishable from a
 * fault; to the fleet it is the day. Each live reading reports its channel's relative drift (its
 * short-term mean's distance from its slow reference, as a fraction of that reference) and a
 * robust EW mean over the type's readings gives the fleet's common drift; the sustained test then
 * measures only what this sensor drifts beyond its peers. Relative, because a change of load
 * scales every machine of a type by about the same factor, whatever its size. Robust (each
 * reading's pull is Huber-clipped at a few spreads of the fleet's drifts), because a fault is one
 * sensor's and must not move the others' reference. With fewer than MIN_PEERS sensors (a single
 * recorded series) the common drift is 0 and nothing changes.
 *
 * The same robust means follow how far the type's baselines (fast level, slow reference) move per
 * reading: a channel flagged for a fault learns its own readings at a fraction of the rate, but its
 * baselines still move as its peers' do, or after a fault during the morning ramp its baselines
 * would be left where the fleet was and the channel flagged long after the fault is over.
 */
import { MAX_CHANNELS } from './channel-features.ts';
import { rateOf } from './options.ts';

/** Sensors a type needs before its common movement means anything. */
export const MIN_PEERS = 8;
/** Half-life of the average, in readings per sensor of the type. */
const HALF_LIFE_PER_SENSOR = 5;
/** Huber clip of one reading's pull, in spreads of the fleet's relative drifts. */
const CLIP = 3;
/** σ for a Gaussian is 1.2533 × the mean absolute deviation. */
const ABS_TO_SIGMA = 1.2533;

/** Robust EW means of a relative quantity per channel slot, and the spreads around them. */
class RobustMeans {
  readonly mean = new Float64Array(MAX_CHANNELS);
  readonly spread = new Float64Array(MAX_CHANNELS);
  private readonly seen = new Float64Array(MAX_CHANNELS);

  /** Learns `value` on `slot` at `rate` (Huber-clipped at CLIP spreads). */
  learn(slot: number, value: number, rate: number): void {
    const m = this.mean[slot] as number;
    const d = this.spread[slot] as number;
    // The first values of a slot are averaged (weight 1/n): a spread starting at 0 would clip everything.
    const n = (this.seen[slot] as number) + 1;
    this.seen[slot] = n;
    const a = rate > 1 / n ? rate : 1 / n;
    const bound = d > 0 ? CLIP * d : Number.POSITIVE_INFINITY;
    const r = value - m;
    const pull = r > bound ? bound : r < -bound ? -bound : r;
    this.mean[slot] = m + a * pull;
    this.spread[slot] = d + a * (ABS_TO_SIGMA * Math.abs(pull) - d);
  }
}

export class PeerDrift {
  /** Relative drift per channel slot. */
  private readonly drifts = new RobustMeans();
  /** Moves per reading of the level and the reference of channels learning normally (relative). */
  private readonly levelMoves = new RobustMeans();
  private readonly referenceMoves = new RobustMeans();
  private peers = 0;
  private rate = 1;
  /**
   * How far the type's sensors' relative drifts spread around the common one (σ), as it stood
   * before the last `commonDrift` call: while the fleet ramps, machines follow it more or less
   * closely, and a sensor's drift beyond the common one is measured against that disagreement too.
   */
  lastSpread = 0;

  /** A sensor of the type started its baseline. */
  addPeer(): void {
    this.peers++;
    this.rate = rateOf(HALF_LIFE_PER_SENSOR * this.peers);
  }

  /**
   * The type's common relative drift on a channel as it stood before this reading (0 with too
   * few peers), after which the reading's own relative drift is learned.
   */
  commonDrift(slot: number, relative: number): number {
    const m = this.drifts.mean[slot] as number;
    this.lastSpread = this.drifts.spread[slot] as number;
    this.drifts.learn(slot, relative, this.rate);
    return this.peers >= MIN_PEERS ? m : 0;
  }

  /** A channel learning normally moved its level and reference by these fractions of its reference. */
  moved(slot: number, level: number, reference: number): void {
    this.levelMoves.learn(slot, level, this.rate);
    this.referenceMoves.learn(slot, reference, this.rate);
  }

  /** How far the peers' levels move per reading (relative; 0 with too few peers). */
  levelMove(slot: number): number {
    return this.peers >= MIN_PEERS ? (this.levelMoves.mean[slot] as number) : 0;
  }

  /** How far the peers' references move per reading (relative; 0 with too few peers). */
  referenceMove(slot: number): number {
    return this.peers >= MIN_PEERS ? (this.referenceMoves.mean[slot] as number) : 0;
  }
}
