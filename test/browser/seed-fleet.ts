/**
 * Puts a large fleet straight into Redis through the processor's own chunk writer (the same writes
 * `process` makes), so a browser test can face 100,000 sensors without simulating them all.
 */

import type { DeviceType, SensorStatus } from '../../src/api/contract/index.ts';
import { createChunkWriter } from '../../src/store/chunk-writer.ts';
import { createFleetHistoryWriter } from '../../src/store/fleet-history-writer.ts';
import { storeOptions } from '../../src/store/store-options.ts';
import { scored } from '../support/sample-readings.ts';
import type { TestRedis } from '../support/test-redis.ts';

const LOCATIONS = [
  'floor_a',
  'floor_b',
  'floor_c',
  'assembly_line',
  'warehouse',
  'production_a',
  'production_b',
];
const TYPES: DeviceType[] = [
  'motor',
  'compressor',
  'conveyor',
  'furnace',
  'pump',
  'generator',
  'cooling_tower',
];

/** Writes `count` sensors named fleet_000000…, spread over the plant, a few of them warning or critical. */
export async function seedFleet(redis: TestRedis, count: number, chunk = 2000): Promise<void> {
  const store = storeOptions({ prefix: redis.prefix });
  const writer = createChunkWriter(redis.redis, {
    store,
    fleetHistory: createFleetHistoryWriter(redis.redis, store),
    now: () => new Date(),
  });
  for (let from = 0; from < count; from += chunk) {
    const now = Date.now();
    const items = [];
    for (let i = from; i < Math.min(count, from + chunk); i++) {
      const status: SensorStatus = i % 500 === 7 ? 'critical' : i % 97 === 3 ? 'warning' : 'normal';
      items.push(
        scored(
          {
            sensor_id: `fleet_${String(i).padStart(6, '0')}`,
            seq: now,
            ts: new Date(now).toISOString(),
            location: LOCATIONS[i % LOCATIONS.length]!,
            device_type: TYPES[(i * 3) % TYPES.length]!,
            power_kw: 2 + (i % 40),
            current: 5 + (i % 60),
            temperature: 30 + (i % 25),
            energy_kwh: 1000 + i,
          },
          status,
        ),
      );
    }
    await writer.write(items);
  }
}
