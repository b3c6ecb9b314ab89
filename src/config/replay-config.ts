import { COMMON_SETTINGS } from './common-settings.ts';
import { KAFKA_SETTINGS } from './kafka-settings.ts';
import { decimal, oneOf, text } from './parsers.ts';
import { PRODUCER_SETTINGS } from './producer-settings.ts';
import { type ConfigOf, defaultsOf, defineSetting } from './setting.ts';
import { HOST_SETTINGS } from './site-settings.ts';

/** The domain's DEVICE_TYPES, repeated because config imports nothing of ours (a test keeps them equal). */
export const REPLAY_DEVICE_TYPES = [
  'motor',
  'compressor',
  'conveyor',
  'furnace',
  'pump',
  'generator',
  'cooling_tower',
] as const;

/** A core metric of the reading (domain METRICS) or a named extra channel. */
const CHANNEL =
  /^(current|voltage|power_factor|power_kw|energy_kwh|temperature|pressure|vibration|extra\.[a-z][a-z0-9_]{0,31})$/;

/** Settings of `wattwatch replay FILE`. */
export const REPLAY_SETTINGS = {
  ...COMMON_SETTINGS,
  ...KAFKA_SETTINGS,
  ...HOST_SETTINGS,
  ...PRODUCER_SETTINGS,
  producerId: defineSetting({ ...PRODUCER_SETTINGS.producerId, default: 'replay-1' }),
  speed: defineSetting({
    env: 'REPLAY_SPEED',
    flag: 'speed',
    describe: 'playback speed: 1 = real time, 10 = ten times faster, 0 = as fast as possible',
    default: 1,
    ...decimal(0, 1_000_000),
  }),
  timestamps: defineSetting({
    env: 'REPLAY_TIMESTAMPS',
    flag: 'timestamps',
    describe:
      'ts of published readings: live = when it is published (the recording replayed as happening now), ' +
      'recorded = as in the file',
    default: 'live' as const,
    ...oneOf(['live', 'recorded'] as const),
  }),
  sensorId: defineSetting({
    env: 'REPLAY_SENSOR_ID',
    flag: 'sensor-id',
    describe:
      'sensor_id for NAB/SKAB files (wattwatch CSVs carry their own); none = derived from the file name',
    default: '',
    ...text({
      allowEmpty: true,
      maxLength: 64,
      pattern: /^$|^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/,
      what: 'a sensor id (letters, digits, _ . : -)',
    }),
  }),
  metric: defineSetting({
    env: 'REPLAY_METRIC',
    flag: 'metric',
    describe: "where a NAB file's value goes: a reading metric or extra.<name>",
    default: 'power_kw',
    ...text({ pattern: CHANNEL, what: 'a metric (current, voltage, …, vibration) or extra.<name>' }),
  }),
  deviceType: defineSetting({
    env: 'REPLAY_DEVICE_TYPE',
    flag: 'device-type',
    describe: 'device_type for NAB/SKAB files',
    default: 'pump' as const,
    ...oneOf(REPLAY_DEVICE_TYPES),
  }),
  location: defineSetting({
    env: 'REPLAY_LOCATION',
    flag: 'location',
    describe: 'location for NAB/SKAB files',
    default: 'replay',
    ...text({ pattern: /^[a-z0-9][a-z0-9_-]{0,63}$/, what: 'a lower-case identifier (a-z 0-9 _ -)' }),
  }),
  nabLabels: defineSetting({
    env: 'REPLAY_NAB_LABELS',
    flag: 'nab-labels',
    describe:
      'NAB label windows: auto = ../../labels/combined_windows.json next to the file, none, or a path',
    default: 'auto',
    ...text({ maxLength: 4096 }),
  }),
} as const;

export type ReplayConfig = ConfigOf<typeof REPLAY_SETTINGS>;
export const DEFAULT_REPLAY_CONFIG: ReplayConfig = defaultsOf(REPLAY_SETTINGS);
