/** The measured channels of a reading, with their units. */
export const METRICS = [
  'current',
  'voltage',
  'power_factor',
  'power_kw',
  'energy_kwh',
  'temperature',
  'pressure',
  'vibration',
] as const;

export type Metric = (typeof METRICS)[number];

export const METRIC_UNITS: Readonly<Record<Metric, string>> = {
  current: 'A',
  voltage: 'V',
  power_factor: '',
  power_kw: 'kW',
  energy_kwh: 'kWh',
  temperature: '°C',
  pressure: 'bar',
  vibration: 'mm/s',
};

/** How a metric is named in prose (reasons, alerts): words, not field names. */
export const METRIC_LABELS: Readonly<Record<Metric, string>> = {
  current: 'current',
  voltage: 'voltage',
  power_factor: 'power factor',
  power_kw: 'power',
  energy_kwh: 'energy meter',
  temperature: 'temperature',
  pressure: 'pressure',
  vibration: 'vibration',
};

export function isMetric(name: string): name is Metric {
  return Object.hasOwn(METRIC_UNITS, name);
}
