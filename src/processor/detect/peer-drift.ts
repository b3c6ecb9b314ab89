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

export class PeerDrift {
  /** Robust EW mean of the relative drift per channel slot, and the spread around it. */
  private readonly common = new Float64Array(MAX_CHANNELS);
  private readonly spread = new Float64Array(MAX_CHANNELS);
  private readonly seen = new Float64Array(MAX_CHANNELS);
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
    const m = this.common[slot] as number;
    const d = this.spread[slot] as number;
    // The first readings of a channel are averaged (weight 1/n): a spread starting at 0 would clip everything.
    const n = (this.seen[slot] as number) + 1;
    this.seen[slot] = n;
    const rate = this.rate > 1 / n ? this.rate : 1 / n;
    this.lastSpread = d;
    const bound = d > 0 ? CLIP * d : Number.POSITIVE_INFINITY;
    const r = relative - m;
    const pull = r > bound ? bound : r < -bound ? -bound : r;
    this.common[slot] = m + rate * pull;
    this.spread[slot] = d + rate * (ABS_TO_SIGMA * Math.abs(pull) - d);
    return this.peers >= MIN_PEERS ? m : 0;
  }
}
