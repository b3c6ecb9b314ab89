/**
 * The plant zones of the simulated fleet (the system we replace used the same seven). Real plants
 * have their own zone names, so a reading's `location` is any short identifier, not this list.
 */
export const LOCATIONS = [
  'floor_a',
  'floor_b',
  'floor_c',
  'assembly_line',
  'warehouse',
  'production_a',
  'production_b',
] as const;

export type SimulatedLocation = (typeof LOCATIONS)[number];

/** What a `location` must look like: lower-case identifier, up to 64 characters. */
export const LOCATION_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';
