/**
 * How a device type's sensors are moving together, per channel. A morning shift ramps up every
 * conveyor's current and, with a thermal lag, its temperature; weather warms every cooling tower.
 * To one sensor that is a sustained deviation from its slow reference, indistinguishable from a
 * fault; to the fleet it is the day. Each live reading reports whether its channel is drifting up,
 * down or not (its sustained statistic past half its threshold), and an EW average over the type's
 * readings says which way the fleet drifts. When most of a type drifts the way this sensor does,
 * its sustained test stands down for that channel, so the baseline follows the fleet instead of
 * freezing on a change it would flag for hours. A fault is one sensor's, so its peers do not
 * follow it. With fewer than MIN_PEERS sensors (a single recorded series) nothing changes.
 */
import { MAX_CHANNELS } from './channel-features.ts';
import { rateOf } from './options.ts';

/** Sensors a type needs before its common movement means anything. */
export const MIN_PEERS = 8;
/** Net share of the type drifting one way that makes it a fleet-wide movement. */
const AGREEMENT = 0.4;
/** Half-life of the average, in readings per sensor of the type. */
const HALF_LIFE_PER_SENSOR = 5;

export class PeerDrift {
  /** EW mean of −1 / 0 / +1 per channel slot. */
  private readonly direction = new Float64Array(MAX_CHANNELS);
  private peers = 0;
  private rate = 1;

  /** A sensor of the type started its baseline. */
  addPeer(): void {
    this.peers++;
    this.rate = rateOf(HALF_LIFE_PER_SENSOR * this.peers);
  }

  /** Records one reading's drift direction on a channel; true when the type moves that way too. */
  shared(slot: number, dir: number): boolean {
    const d = this.direction[slot] as number;
    const next = d + this.rate * (dir - d);
    this.direction[slot] = next;
    return dir !== 0 && this.peers >= MIN_PEERS && next * dir >= AGREEMENT;
  }
}
