import { afterEach, describe, expect, it } from 'vitest';
import { scored } from '../../test/support/sample-readings.ts';
import { createTestStore, type TestStore } from '../../test/support/test-store.ts';
import { listSensors } from './list-sensors.ts';

const stores: TestStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.cleanup()));
});

describe('listing sensors along the id index (large filter sets)', () => {
  // tiny thresholds make a 30-sensor fleet take the path a 100,000-sensor fleet takes
  const tuning = { smallSet: 2, scanBatch: 4, scanBudget: 2 };

  it('walks the id index in bounded steps, returning short pages with a cursor until done', async () => {
    const s = await createTestStore();
    stores.push(s);
    const ids = Array.from({ length: 30 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    await s
      .writer()
      .write(ids.map((sensor_id, i) => scored({ sensor_id }, i % 5 === 0 ? 'critical' : 'normal')));
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    for (let call = 0; call < 20; call++) {
      const page = await listSensors(
        s.redis,
        s.options,
        { status: 'critical', limit: 2, ...(cursor ? { cursor } : {}) },
        tuning,
      );
      seen.push(...page.items.map((x) => x.sensor_id));
      pageSizes.push(page.items.length);
      if (page.next_cursor === null) break;
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(['s00', 's05', 's10', 's15', 's20', 's25']);
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(2);
    expect(pageSizes).toContain(1); // some calls stopped at the scan budget with a short page
  });

  it('combines the walk with an id prefix and a second filter', async () => {
    const s = await createTestStore();
    stores.push(s);
    const ids = Array.from({ length: 30 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    await s
      .writer()
      .write(ids.map((sensor_id, i) => scored({ sensor_id, location: i % 2 ? 'odd' : 'even' })));
    const page = await listSensors(
      s.redis,
      s.options,
      { status: 'normal', location: 'odd', text: 's1', limit: 10 },
      {
        ...tuning,
        scanBudget: 10,
      },
    );
    expect(page.items.map((x) => x.sensor_id)).toEqual(['s11', 's13', 's15', 's17', 's19']);
    expect(page.next_cursor).toBeNull();
  });
});
