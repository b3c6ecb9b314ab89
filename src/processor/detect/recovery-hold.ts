/**
 * Alarm hysteresis after a confirmed anomaly. A fault's cause often ends before its effect does:
 * when an overload stops, the current drops back at once but the winding stays hot and cools over
 * minutes; an operator needs the alarm until the machine is back, not until the cause stopped
 * (alarm management's deadband: an alarm clears below a lower limit than it trips at). So when a
 * sensor's tests have flagged it for CONFIRMED_RUN readings in a row and then stop, the channel
 * still furthest from its reference (by the sustained test) keeps the sensor flagged while it is
 * still returning: above HOLD_CLEAR of that test's threshold and getting closer to its reference,
 * with no PATIENCE readings in a row without a new closest approach. A channel that has settled
 * somewhere else (a new normal) or moves away again releases the hold; so does any new flag, which
 * speaks for itself. The hold is a verdict only: no baseline learns differently because of it.
 */

/** Consecutive flagged readings that make an anomaly confirmed: a glitch or a short burst is not held. */
export const CONFIRMED_RUN = 120;
/** The hold ends once the channel is within this fraction of its sustained threshold. */
export const HOLD_CLEAR = 0.5;
/** Readings without a new closest approach after which the channel is no longer returning. */
export const PATIENCE = 30;

export class RecoveryHold {
  /** The held channel's slot, -1 when nothing is held. */
  slot = -1;
  /** +1 when the channel sits above its reference, -1 below. */
  private sign = 1;
  /** Closest approach so far, as a fraction of the threshold, and readings since it. */
  private closest = 0;
  private stale = 0;

  get active(): boolean {
    return this.slot >= 0;
  }

  /** Starts holding `slot`, whose sustained statistic is `ratio` of its threshold (signed). */
  begin(slot: number, ratio: number): boolean {
    if (Math.abs(ratio) < HOLD_CLEAR) return false;
    this.slot = slot;
    this.sign = ratio >= 0 ? 1 : -1;
    this.closest = Math.abs(ratio);
    this.stale = 0;
    return true;
  }

  /** The held channel's statistic this reading (signed fraction of its threshold); false = released. */
  update(ratio: number): boolean {
    const r = this.sign * ratio;
    if (r < HOLD_CLEAR) return this.release();
    if (r < this.closest) {
      this.closest = r;
      this.stale = 0;
    } else if (++this.stale >= PATIENCE) return this.release();
    return true;
  }

  release(): false {
    this.slot = -1;
    return false;
  }
}
