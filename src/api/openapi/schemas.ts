/**
 * JSON Schemas (TypeBox) of the response bodies, for the OpenAPI document and for tests that check
 * real responses against it. The sensor reuses the domain's `ReadingSchema`, so the document cannot
 * disagree with what the codec accepts.
 */
import Type from 'typebox';
import { ReadingSchema } from '../../domain/reading.ts';
import { DEVICE_TYPE_VALUES, SENSOR_STATUS_VALUES } from '../contract/sensor.ts';

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Iso = Type.String({ description: 'ISO-8601 UTC' });
const Status = Type.Enum([...SENSOR_STATUS_VALUES]);

export const SensorSchema = Type.Object(
  {
    ...ReadingSchema.properties,
    anomaly_score: Type.Number({ minimum: 0, maximum: 1 }),
    is_anomaly: Type.Boolean(),
    failure_probability: Type.Number({ minimum: 0, maximum: 1 }),
    status: Status,
    reasons: Type.Array(Type.String()),
    model_version: Type.String(),
    processed_at: Iso,
  },
  { description: 'Latest enriched reading of a sensor' },
);

export const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});

const Pagination = Type.Object({
  limit: Type.Integer(),
  next_cursor: Nullable(Type.String()),
  has_more: Type.Boolean(),
});

const Filter = Type.Object({
  status: Type.Optional(Status),
  location: Type.Optional(Type.String()),
  type: Type.Optional(Type.Enum([...DEVICE_TYPE_VALUES])),
  text: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer()),
  cursor: Type.Optional(Type.String()),
});

export const SensorListSchema = Type.Object({
  sensors: Type.Array(SensorSchema),
  count: Type.Integer(),
  filter: Filter,
  pagination: Pagination,
  timestamp: Iso,
});

export const SensorResponseSchema = Type.Object({ sensor: SensorSchema, timestamp: Iso });

const MaybeNumber = Nullable(Type.Number());
export const SensorHistorySchema = Type.Object({
  sensor_id: Type.String(),
  bucket_ms: Type.Integer(),
  points: Type.Array(
    Type.Object({
      ts: Iso,
      readings: Type.Integer(),
      worst_status: Status,
      max_anomaly_score: Type.Number(),
      power_kw: MaybeNumber,
      current: MaybeNumber,
      temperature: MaybeNumber,
      pressure: MaybeNumber,
      vibration: MaybeNumber,
    }),
  ),
  timestamp: Iso,
});

export const DashboardStatsSchema = Type.Object({
  total_sensors: Type.Integer(),
  online_sensors: Type.Integer(),
  status_normal: Type.Integer(),
  status_warning: Type.Integer(),
  status_critical: Type.Integer(),
  status_offline: Type.Integer(),
  total_power_kw: Type.Number({ description: 'kW' }),
  average_power_kw: Type.Number({ description: 'kW' }),
  total_energy_kwh: Type.Number({ description: 'kWh' }),
  total_readings: Type.Integer(),
  anomaly_count: Type.Integer(),
  readings_per_second: MaybeNumber,
  healthy_percent: MaybeNumber,
  tariff_period: Type.Enum(['off_peak', 'shoulder', 'on_peak']),
  current_rate: Type.Number({ description: 'per kWh' }),
  cost_per_hour: Type.Number(),
  currency: Type.String(),
  updated_at: Nullable(Iso),
  timestamp: Iso,
});

const ProducerInfo = Type.Object({
  producer_id: Type.String(),
  connected: Type.Boolean(),
  last_seen: Iso,
  host: Type.Optional(Type.String()),
  sensors: Type.Optional(Type.Integer()),
  rate_hz: Type.Optional(Type.Number()),
  sent_total: Type.Optional(Type.Integer()),
});

export const ProducerStatusSchema = Type.Object({
  is_active: Type.Boolean(),
  last_data_time: Nullable(Iso),
  time_since_last_data: MaybeNumber,
  producers: Type.Array(ProducerInfo),
  timestamp: Iso,
});

export const EnergyRealtimeSchema = Type.Object({
  sensors: Type.Array(SensorSchema),
  stats: DashboardStatsSchema,
  producer_status: ProducerStatusSchema,
  pagination: Pagination,
  timestamp: Iso,
});

const AlertSchema = Type.Object({
  id: Type.String(),
  sensor_id: Type.String(),
  severity: Type.Enum(['warning', 'critical']),
  reasons: Type.Array(Type.String()),
  ts: Iso,
  seq: Type.Optional(Type.Integer()),
  ack: Type.Boolean(),
  acked_at: Type.Optional(Iso),
  acked_by: Type.Optional(Type.String()),
  recovered_at: Type.Optional(Iso),
  recovered_status: Type.Optional(Status),
});

export const AlertListSchema = Type.Object({
  alerts: Type.Array(AlertSchema),
  count: Type.Integer(),
  pagination: Pagination,
  timestamp: Iso,
});

export const AckSchema = Type.Object({
  alert_id: Type.String(),
  result: Type.Enum(['acknowledged', 'already_acknowledged']),
  timestamp: Iso,
});

const Evidence = Type.Object({
  name: Type.String(),
  value: Type.Union([Type.Number(), Type.String()]),
  unit: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
});

export const SuggestionsSchema = Type.Object({
  suggestions: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.Enum([
        'cost_optimization',
        'predictive_maintenance',
        'energy_efficiency',
        'operational_optimization',
      ]),
      sensor_id: Type.String(),
      device_type: Type.Enum([...DEVICE_TYPE_VALUES]),
      location: Type.String(),
      title: Type.String(),
      description: Type.String(),
      priority: Type.Enum(['critical', 'high', 'medium', 'low']),
      action: Type.Enum(['schedule_shift', 'schedule_maintenance', 'efficiency_audit', 'schedule_shutdown']),
      savings_per_day: Type.Number(),
      currency: Type.String(),
      evidence: Type.Array(Evidence),
    }),
  ),
  total_generated: Type.Integer(),
  generated_at: Iso,
  sensors_analyzed: Type.Integer(),
  tariff: Type.Object({
    currency: Type.String(),
    off_peak: Type.Number(),
    shoulder: Type.Number(),
    on_peak: Type.Number(),
    peak_hours: Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }),
    off_peak_hours: Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }),
    time_zone: Type.String(),
  }),
  timestamp: Iso,
});

export const AnalyticsHistorySchema = Type.Object({
  history: Type.Array(
    Type.Object({
      timestamp: Iso,
      energy_kwh: Type.Number(),
      cost: Type.Number(),
      power_kw: Type.Number(),
      active_sensors: Type.Integer(),
      readings: Type.Integer(),
      anomalies: Type.Integer(),
      status_warning: Type.Integer(),
      status_critical: Type.Integer(),
      status_offline: Type.Integer(),
    }),
  ),
  time_range: Type.Object({ start: Iso, end: Iso }),
  hours: Type.Integer(),
  currency: Type.String(),
  timestamp: Iso,
});

const Outcomes = Type.Object({
  tp: Type.Integer(),
  fp: Type.Integer(),
  fn: Type.Integer(),
  tn: Type.Integer(),
});
export const QualitySchema = Type.Object({
  by_kind: Type.Record(Type.String(), Outcomes),
  episodes: Type.Record(
    Type.String(),
    Type.Object({
      episodes: Type.Integer({ minimum: 0 }),
      detected: Type.Integer({ minimum: 0 }),
      mean_delay_ms: MaybeNumber,
      mean_delay_readings: MaybeNumber,
    }),
  ),
  total: Outcomes,
  precision: MaybeNumber,
  recall: MaybeNumber,
  timestamp: Iso,
});

export const LocationsSchema = Type.Object({
  locations: Type.Array(Type.String()),
  device_types: Type.Array(Type.String()),
  timestamp: Iso,
});

export const LocationHealthSchema = Type.Object({
  locations: Type.Array(
    Type.Object({
      location: Type.String(),
      sensors: Type.Integer({ minimum: 0 }),
      normal: Type.Integer({ minimum: 0 }),
      warning: Type.Integer({ minimum: 0 }),
      critical: Type.Integer({ minimum: 0 }),
      offline: Type.Integer({ minimum: 0 }),
      healthy_percent: MaybeNumber,
    }),
  ),
  timestamp: Iso,
});

export const ServiceInfoSchema = Type.Object({
  message: Type.String(),
  service: Type.Literal('wattwatch'),
  version: Type.String(),
  status: Type.Literal('running'),
  endpoints: Type.Record(Type.String(), Type.String()),
  timestamp: Iso,
});

export const HealthSchema = Type.Object({
  status: Type.Enum(['healthy', 'unhealthy']),
  redis: Type.Enum(['connected', 'disconnected']),
  uptime_s: Type.Number(),
  timestamp: Iso,
});

export const ReadySchema = Type.Object({ ready: Type.Boolean(), timestamp: Iso });
