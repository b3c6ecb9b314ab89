/** Fleet aggregates as kept in `ww:stats` (see stats-ledger-script.ts for how each is maintained). */
export interface FleetStats {
  /** Readings stored since the store began (running total, replays not counted). */
  readonly readings: number;
  /** Of those, readings detection flagged as anomalous. */
  readonly anomalies: number;
  /** Sum of every online sensor's latest power, kW: the fleet's power now. */
  readonly power_kw: number;
  /** Sum of every sensor's meter increases since it was first seen, kWh. */
  readonly energy_kwh: number;
  /** Sensors the store knows (online or offline, until their state expires). */
  readonly sensors: number;
  readonly normal: number;
  readonly warning: number;
  readonly critical: number;
  readonly offline: number;
  /** When the aggregates last changed, ISO-8601 UTC; null before the first write. */
  readonly updated_at: string | null;
}

export const FLEET_STAT_COUNTERS = [
  'readings',
  'anomalies',
  'sensors',
  'normal',
  'warning',
  'critical',
  'offline',
] as const;

/** `HGETALL ww:stats` (as a flat [field, value, …] list or an object) → FleetStats. */
export function parseFleetStats(raw: readonly unknown[] | Record<string, string>): FleetStats {
  const hash: Record<string, string> = Array.isArray(raw)
    ? pairsToObject(raw)
    : (raw as Record<string, string>);
  const int = (field: string) => Number.parseInt(hash[field] ?? '0', 10) || 0;
  // HINCRBYFLOAT sums carry binary rounding noise; a micro-kW is far below any meter's resolution
  const decimal = (field: string) => Math.round(Number(hash[field] ?? 0) * 1e6) / 1e6 || 0;
  const updated = hash.updated_at ? Number(hash.updated_at) : Number.NaN;
  return {
    readings: int('readings'),
    anomalies: int('anomalies'),
    power_kw: decimal('power_kw'),
    energy_kwh: decimal('energy_kwh'),
    sensors: int('sensors'),
    normal: int('normal'),
    warning: int('warning'),
    critical: int('critical'),
    offline: int('offline'),
    updated_at: Number.isFinite(updated) ? new Date(updated).toISOString() : null,
  };
}

function pairsToObject(flat: readonly unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = String(flat[i + 1]);
  return out;
}
