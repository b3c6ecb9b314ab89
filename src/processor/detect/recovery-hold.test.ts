import { describe, expect, it } from 'vitest';
import { HOLD_CLEAR, PATIENCE, RecoveryHold } from './recovery-hold.ts';

describe('RecoveryHold', () => {
  it('does not hold a channel already within the clear limit', () => {
    const hold = new RecoveryHold();
    expect(hold.begin(3, HOLD_CLEAR / 2)).toBe(false);
    expect(hold.active).toBe(false);
  });

  it('holds while the channel keeps returning and releases at the clear limit', () => {
    const hold = new RecoveryHold();
    expect(hold.begin(2, 0.95)).toBe(true);
    expect(hold.slot).toBe(2);
    // A cool-down: exponential decay towards the reference.
    let released = -1;
    for (let k = 1; k < 200 && released < 0; k++) if (!hold.update(0.95 * Math.exp(-k / 40))) released = k;
    expect(released).toBe(Math.ceil(40 * Math.log(0.95 / HOLD_CLEAR)));
    expect(hold.active).toBe(false);
  });

  it('holds a value below its reference by the same rule, mirrored', () => {
    const hold = new RecoveryHold();
    hold.begin(0, -0.9);
    expect(hold.update(-0.8)).toBe(true);
    expect(hold.update(-0.4)).toBe(false);
  });

  it('releases a channel that settled away from its reference: a new normal is not a recovery', () => {
    const hold = new RecoveryHold();
    hold.begin(1, 0.9);
    expect(hold.update(0.8)).toBe(true);
    let held = 0;
    while (hold.update(0.8)) held++;
    expect(held).toBe(PATIENCE - 1);
  });

  it('releases a channel that crossed its reference (the other sign is no recovery)', () => {
    const hold = new RecoveryHold();
    hold.begin(1, 0.9);
    expect(hold.update(-0.9)).toBe(false);
  });
});
