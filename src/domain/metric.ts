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
