import { afterEach, describe, expect, it } from 'vitest';
import { scored } from '../../../test/support/sample-readings.ts';
import { createTestStore, type TestStore } from '../../../test/support/test-store.ts';
import { createRedisStoreReader } from '../../store/redis-store-reader.ts';
import type { ViewGroup } from './view-group.ts';
import { createViewGroups } from './view-groups.ts';

interface Member {
  group: ViewGroup<Member> | null;
}

const stores: TestStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.cleanup()));
});

describe('view groups', () => {
  it("starts a client joining an existing group from the group's page, the base of its next diff", async () => {
    const store = await createTestStore();
    stores.push(store);
    const writer = store.writer();
    await writer.write([scored({ sensor_id: 'a', seq: 1 }), scored({ sensor_id: 'b', seq: 1 })]);
    const groups = createViewGroups<Member>(createRedisStoreReader(store.redis, store.options));
    const first: Member = { group: null };
    const firstPage = await groups.join(first, { limit: 10 });
    expect(firstPage.items.map((s) => `${s.sensor_id}${s.seq}`)).toEqual(['a1', 'b1']);
    // the store moves on before the group's next round: a second client must not get a newer page
    // than the one the round will diff against, or that round would set `b` back to seq 1 for it
    await writer.write([scored({ sensor_id: 'b', seq: 2 })]);
    const second: Member = { group: null };
    const secondPage = await groups.join(second, { limit: 10 });
    expect(secondPage).toBe(firstPage);
    expect(second.group).toBe(first.group);
    expect(first.group?.clients.size).toBe(2);
    // a filter no group has yet is read from the store
    const third: Member = { group: null };
    const thirdPage = await groups.join(third, { limit: 1 });
    expect(thirdPage.items.map((s) => `${s.sensor_id}${s.seq}`)).toEqual(['a1']);
    expect(groups.all()).toHaveLength(2);
    groups.leave(third);
    expect(groups.all()).toHaveLength(1);
  });
});
