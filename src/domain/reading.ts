/**
 * A sensor reading as it travels on the `sensor-data` topic (JSON, snake_case, keyed by sensor_id).
 * The schema is the contract: the codec validates against it and the API publishes it in OpenAPI.
 */
import Type from 'typebox';
import { ANOMALY_KINDS } from './anomaly-kind.ts';
import { DEVICE_TYPES } from './device-type.ts';
import { LOCATION_PATTERN } from './location.ts';

/** ISO-8601 in UTC with a `Z`, milliseconds optional: `2026-11-22T06:03:01.123Z`. */
export const UTC_TIMESTAMP_PATTERN =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?Z$';

export const SENSOR_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$';

/** Readings larger than this are refused unparsed; a real one is about 300 bytes. */
export const MAX_READING_BYTES = 4096;

/** Names of `extra` channels: lower-case identifiers. */
export const EXTRA_CHANNEL_PATTERN = '^[a-z][a-z0-9_]{0,31}$';
export const MAX_EXTRA_CHANNELS = 16;

/** Sanity bound for measured values: anything larger is a broken sensor or a broken encoder. */
const LIMIT = 1e9;

/** A measured value; `null` when the sensor has no such channel (e.g. replayed single-metric data). */
const measured = (description: string, min = -LIMIT, max = LIMIT) =>
  Type.Union([Type.Number({ minimum: min, maximum: max }), Type.Null()], { description });

export const ReadingSchema = Type.Object(
  {
    sensor_id: Type.String({ pattern: SENSOR_ID_PATTERN, maxLength: 64 }),
    ts: Type.String({ pattern: UTC_TIMESTAMP_PATTERN, maxLength: 40, description: 'UTC, ISO-8601 with Z' }),
    seq: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'strictly increasing per sensor, also across producer restarts',
    }),
    device_type: Type.Enum([...DEVICE_TYPES]),
    location: Type.String({ pattern: LOCATION_PATTERN, maxLength: 64 }),
    current: measured('A', 0),
    voltage: measured('V', 0),
    power_factor: measured('cos φ', -1, 1),
    power_kw: measured('kW'),
    energy_kwh: measured('kWh, cumulative meter', 0),
    temperature: measured('°C', -273.15),
    pressure: measured('bar'),
    vibration: measured('mm/s RMS', 0),
    producer_host: Type.String({ maxLength: 255 }),
    extra: Type.Optional(
      Type.Record(
        Type.String({ pattern: EXTRA_CHANNEL_PATTERN }),
        Type.Number({ minimum: -LIMIT, maximum: LIMIT }),
        {
          maxProperties: MAX_EXTRA_CHANNELS,
          additionalProperties: false,
          description: 'further measured channels beyond the core metrics, e.g. flow_rate of a pump',
        },
      ),
    ),
    injected: Type.Union([Type.Enum([...ANOMALY_KINDS]), Type.Null()], {
      description: 'ground truth of the simulator; detection never reads it',
    }),
  },
  { description: 'One sensor reading. Unknown extra fields are allowed and ignored.' },
);

export type Reading = Type.Static<typeof ReadingSchema>;
