/**
 * What a writer knows about the sensors it stored: per sensor, the bookkeeping field `_` the hash
 * holds after its last write (see apply-readings-script.ts) and the state that goes with it. With it
 * the writer computes the next `_` itself and the apply script takes its fast path. It is only a
 * shortcut: Redis stays the authority, and a sensor someone else wrote (or that expired) simply takes
 * the general path once, whose reply refreshes what is known.
 */
import type { DeviceType } from '../domain/device-type.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';

/** The counters of `_`: incarnation, readings, anomalous, transitions into critical, cold digest, index refresh (s). */
export interface SensorBook {
  readonly ep: string;
  readonly n: number;
  readonly na: number;
  readonly nc: number;
  readonly digest: number;
  readonly tidx: number;
}

export interface KnownSensor extends SensorBook {
  /** The exact `_` text stored. */
  readonly book: string;
  readonly seq: number;
  readonly status: SensorStatus;
  readonly location: string;
  readonly deviceType: DeviceType;
  /** The cold values stored, when this writer wrote them (else only their digest is known). */
  readonly cold: readonly string[] | null;
}

/** `_` text → counters (the `,o` offline marker is ignored); anything unreadable gives zeros. */
export function parseBook(text: string): SensorBook {
  const f = text.split(',');
  return {
    ep: f[0] ?? '',
    n: Number(f[1]) || 0,
    na: Number(f[2]) || 0,
    nc: Number(f[3]) || 0,
    digest: Number(f[4]) || 0,
    tidx: Number(f[5]) || 0,
  };
}

/** Counters → `_` text, as the apply script writes it. */
export function bookText(b: SensorBook): string {
  return `${b.ep},${b.n},${b.na},${b.nc},${b.digest},${b.tidx}`;
}

/** Past this many sensors the memory starts over (the next write of each takes the general path). */
const LIMIT = 1_000_000;

export interface SensorMemory {
  get(id: string): KnownSensor | undefined;
  set(id: string, known: KnownSensor): void;
  forget(id: string): void;
}

/** An empty memory. */
export function createSensorMemory(): SensorMemory {
  const known = new Map<string, KnownSensor>();
  return {
    get: (id) => known.get(id),
    set(id, value) {
      if (known.size >= LIMIT && !known.has(id)) known.clear();
      known.set(id, value);
    },
    forget: (id) => {
      known.delete(id);
    },
  };
}
