/**
 * Ornstein–Uhlenbeck noise: x ← a·x + b·z with a = e^(−Δt/τ) and b = σ·√(1 − a²), the exact
 * discretization for any step Δt, so a reading after a gap (outage, dropout) has the right
 * correlation with the one before. σ is the stationary standard deviation, τ the memory.
 */
export interface OuChannel {
  /** Stationary standard deviation, in the channel's units. */
  readonly sigma: number;
  /** Correlation time, seconds. */
  readonly tauS: number;
}

/** The simulator's noise channels (relative unless a unit is given). */
export const NOISE = {
  /** Load around the schedule: slow wander of demand. */
  load: { sigma: 0.05, tauS: 120 },
  /** Supply voltage: grid and neighbouring loads. */
  voltage: { sigma: 0.005, tauS: 30 },
  /** cos φ, absolute. */
  powerFactor: { sigma: 0.006, tauS: 90 },
  pressure: { sigma: 0.02, tauS: 20 },
  vibration: { sigma: 0.06, tauS: 8 },
  /** Temperature sensor and air movement, °C. */
  temperature: { sigma: 0.15, tauS: 20 },
} as const satisfies Record<string, OuChannel>;

export const NOISE_CHANNELS = Object.keys(NOISE) as (keyof typeof NOISE)[];

/** [a0, b0, a1, b1, …] for every channel of NOISE at step `dtS`. */
export function ouCoefficients(dtS: number): Float64Array {
  const out = new Float64Array(NOISE_CHANNELS.length * 2);
  NOISE_CHANNELS.forEach((name, c) => {
    const { sigma, tauS } = NOISE[name];
    const a = Math.exp(-dtS / tauS);
    out[2 * c] = a;
    out[2 * c + 1] = sigma * Math.sqrt(1 - a * a);
  });
  return out;
}
