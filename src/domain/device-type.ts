/** The kinds of equipment a sensor can sit on; each has its own detection model. */
export const DEVICE_TYPES = [
  'motor',
  'compressor',
  'conveyor',
  'furnace',
  'pump',
  'generator',
  'cooling_tower',
] as const;

export type DeviceType = (typeof DEVICE_TYPES)[number];
