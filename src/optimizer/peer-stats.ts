/** Power statistics per device type, so a sensor is compared with its peers, never a furnace with a pump. */
import type { DeviceType } from '../domain/device-type.ts';
import type { SensorProfile } from './sensor-profile.ts';

export interface PeerStats {
  readonly count: number;
  readonly mean: number;
  /** Sorted ascending. */
  readonly sorted: readonly number[];
}

/** Online sensors with a known power, grouped by device type. */
export function peerStats(profiles: readonly SensorProfile[]): Map<DeviceType, PeerStats> {
  const groups = new Map<DeviceType, number[]>();
  for (const p of profiles) {
    if (p.status === 'offline' || p.avg_power_kw === null) continue;
    const list = groups.get(p.device_type) ?? [];
    list.push(p.avg_power_kw);
    groups.set(p.device_type, list);
  }
  const out = new Map<DeviceType, PeerStats>();
  for (const [type, values] of groups) {
    const sorted = values.sort((a, b) => a - b);
    out.set(type, { count: sorted.length, mean: sorted.reduce((s, v) => s + v, 0) / sorted.length, sorted });
  }
  return out;
}

/** Linear-interpolated quantile (as pandas' default) of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (at - lo);
}
