/**
 * Where a sensor's state starts, so a fresh producer looks like one that has been running for
 * years: noise drawn from its stationary distribution (no warm-up transient), temperature at the
 * equilibrium of the current load, and the meter at the energy the schedule would have used since
 * the meter was installed. That last choice also keeps meters close to continuous across producer
 * restarts: a restart lands on the expected total, off only by the noise of the previous run.
 */
import type { Fleet } from '../fleet/create-fleet.ts';
import type { Sfc32 } from '../random/sfc32.ts';
import { integratedLoad, type LoadProfile } from './load-profile.ts';
import { NOISE, NOISE_CHANNELS } from './ornstein-uhlenbeck.ts';
import type { SensorStates } from './sensor-state.ts';
import { AMBIENT_WAVE, meanPowerKw } from './step-physics.ts';
import { MINUTE_MS, MINUTES_PER_DAY, MINUTES_PER_WEEK, minuteOfWeek, type ZoneClock } from './zone-clock.ts';

/** Meter ages count back from here; a fixed instant, so every run agrees on each meter's origin. */
const METER_EPOCH_MS = Date.UTC(2025, 0, 1);

const NOISE_SIGMAS = NOISE_CHANNELS.map((name) => NOISE[name].sigma);

export function initialiseSensor(
  fleet: Fleet,
  states: SensorStates,
  i: number,
  startMs: number,
  zone: ZoneClock,
  profile: LoadProfile,
  rng: Sfc32,
): void {
  rng.load(states.rng, i);
  const nc = NOISE_SIGMAS.length;
  for (let c = 0; c < nc; c++) states.noise[i * nc + c] = (NOISE_SIGMAS[c] as number) * rng.normal();
  rng.store(states.rng, i);

  const t = fleet.deviceType[i] as number;
  const localMinute = zone.localMinute(startMs);
  const mow = minuteOfWeek(localMinute);
  const load = (profile.table[t * MINUTES_PER_WEEK + mow] as number) * (fleet.loadScale[i] as number);
  const ambient =
    (fleet.ambientC[i] as number) +
    (fleet.ambientSwingC[i] as number) * (AMBIENT_WAVE[mow % MINUTES_PER_DAY] as number);
  states.thermal[i] = ambient + (fleet.temperatureRiseC[i] as number) * load * load;

  // The install instant is read in UTC on purpose: it must not move when the zone's offset does.
  const installMinute = Math.floor(
    (METER_EPOCH_MS - (fleet.meterAgeDays[i] as number) * 86_400_000) / MINUTE_MS,
  );
  const loadMinutes = integratedLoad(profile, t, localMinute) - integratedLoad(profile, t, installMinute);
  states.energyKwh[i] = Math.max(0, (meanPowerKw(fleet, i) * loadMinutes) / 60);
}
