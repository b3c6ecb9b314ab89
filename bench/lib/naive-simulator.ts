/**
 * The seed system's simulator (seed-analysis §2.2), ported as the benchmark baseline: sensor
 * objects, a fresh reading object per call from independent Math.random draws, the local-time
 * day/night multiplier and a Date per reading. It is what we replaced, not something to use.
 */
const TYPES = ['motor', 'compressor', 'conveyor', 'furnace', 'pump', 'generator', 'cooling_tower'];
const LOCATIONS = [
  'floor_a',
  'floor_b',
  'floor_c',
  'assembly_line',
  'warehouse',
  'production_a',
  'production_b',
];

interface NaiveSensor {
  id: string;
  type: string;
  location: string;
  baseCurrent: number;
  baseTemp: number;
  basePressure: number;
}

export interface NaiveReading {
  timestamp: string;
  sensor_id: string;
  device_type: string;
  location: string;
  current: number;
  temperature: number;
  pressure: number;
  status: string;
  energy_consumption: number;
  voltage: number;
  power_factor: number;
  producer_host: string;
}

const uniform = (lo: number, hi: number) => lo + (hi - lo) * Math.random();
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T;

export function createNaiveSimulator(count: number): { next(): NaiveReading } {
  const sensors: NaiveSensor[] = Array.from({ length: count }, (_, i) => ({
    id: `sensor_${String(i).padStart(3, '0')}`,
    type: pick(TYPES),
    location: pick(LOCATIONS),
    baseCurrent: uniform(5, 50),
    baseTemp: uniform(20, 40),
    basePressure: uniform(1, 10),
  }));
  let k = 0;
  return {
    next() {
      const s = sensors[k++ % count] as NaiveSensor;
      const now = new Date();
      const day = now.getDay() >= 1 && now.getDay() <= 5 && now.getHours() >= 6 && now.getHours() <= 18;
      const time = day ? uniform(1, 1.3) : uniform(0.3, 0.8);
      const r = Math.random();
      const [status, c, t, p] =
        r < 0.02
          ? ['critical', uniform(1.8, 3), uniform(1.5, 2.5), uniform(1.4, 2.2)]
          : r < 0.08
            ? ['warning', uniform(1.2, 1.6), uniform(1.1, 1.4), uniform(1.1, 1.3)]
            : ['normal', uniform(0.9, 1.1), uniform(0.95, 1.05), uniform(0.95, 1.05)];
      const current = s.baseCurrent * (c as number) * time;
      return {
        timestamp: now.toISOString(),
        sensor_id: s.id,
        device_type: s.type,
        location: s.location,
        current: round(current, 2),
        temperature: round(s.baseTemp * (t as number) * time, 1),
        pressure: round(s.basePressure * (p as number) * time, 2),
        status: status as string,
        energy_consumption: round((current * 220) / 1000, 2),
        voltage: 220,
        power_factor: round(uniform(0.85, 0.95), 2),
        producer_host: 'unknown',
      };
    },
  };
}
