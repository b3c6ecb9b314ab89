/** Health of a sensor as shown to operators; `offline` means it stopped reporting. */
export const SENSOR_STATUSES = ['normal', 'warning', 'critical', 'offline'] as const;

export type SensorStatus = (typeof SENSOR_STATUSES)[number];
