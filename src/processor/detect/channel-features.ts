/**
 * Layout of the per-channel numbers the detector derives from raw values. Two vectors per reading:
 * the forest row (signed, scale-free features) and the test row (magnitudes compared against
 * calibrated thresholds). Slot s of a device type's channel registry owns a fixed block of each.
 */

/** Forest features per channel. */
export const FOREST_FEATURES = ['z', 'zs', 'dz', 'vol'] as const;
export const F_Z = 0;
export const F_ZS = 1;
export const F_DZ = 2;
export const F_VOL = 3;
export const FOREST_STRIDE = FOREST_FEATURES.length;

/** Tests per channel: |deviation|, |sustained deviation|, |jump|, excess noise, stuck surprise. */
export const CHANNEL_TESTS = ['deviation', 'sustained', 'jump', 'noise', 'stuck'] as const;
export const T_DEVIATION = 0;
export const T_SUSTAINED = 1;
export const T_JUMP = 2;
export const T_NOISE = 3;
export const T_STUCK = 4;
export const TEST_STRIDE = CHANNEL_TESTS.length;

/**
 * Sensor-level tests come before the channel blocks in the test row: the silence before a reading
 * (in typical intervals) and how many channels the sensor had that this reading lacks.
 */
export const SENSOR_TESTS = ['gap', 'missing'] as const;
export const T_GAP = 0;
export const T_MISSING = 1;
export const SENSOR_TEST_COUNT = SENSOR_TESTS.length;

export type ChannelTest = (typeof CHANNEL_TESTS)[number];
export type SensorTest = (typeof SENSOR_TESTS)[number];

/**
 * Lowest threshold of each test whatever the training data says: a perfectly quiet training window
 * must not make every later wobble an anomaly. σ-units for the first three, log2 of the noise
 * ratio, log10 of the improbability of a run of repeats, and intervals for a gap.
 */
export const TEST_FLOORS: Readonly<Record<ChannelTest | SensorTest, number>> = Object.freeze({
  deviation: 4,
  sustained: 3,
  jump: 4,
  noise: 1.5,
  stuck: 6,
  gap: 3.5,
  missing: 0.5,
});

/** Channels one device type can have: 8 core metrics and extras seen across its sensors. */
export const MAX_CHANNELS = 32;
export const FOREST_ROW_WIDTH = MAX_CHANNELS * FOREST_STRIDE;
export const TEST_ROW_WIDTH = SENSOR_TEST_COUNT + MAX_CHANNELS * TEST_STRIDE;

export function forestIndex(slot: number, feature: number): number {
  return slot * FOREST_STRIDE + feature;
}

export function testIndex(slot: number, test: number): number {
  return SENSOR_TEST_COUNT + slot * TEST_STRIDE + test;
}

/** `temperature.zs`: names that stay meaningful when another process has another slot order. */
export function forestFeatureName(channel: string, feature: number): string {
  return `${channel}.${FOREST_FEATURES[feature]}`;
}

export function testName(channel: string, test: number): string {
  return `${channel}.${CHANNEL_TESTS[test]}`;
}
