/**
 * The group coordinator's rules and exact error codes (spec §6), driven over TCP with
 * kafkajs-encoded requests so each step is explicit and nothing depends on client timing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawClient } from '../../../../test/support/broker/raw-client.ts';
import { TEST_BROKER_OPTIONS } from '../../../../test/support/broker/test-kafka.ts';
import { waitUntil } from '../../../../test/support/broker/wait-until.ts';
import { ErrorCode } from '../protocol/error-code.ts';
import { type RunningBroker, startBroker } from '../start-broker.ts';

interface Joined {
  errorCode: number;
  generationId: number;
  groupProtocol: string;
  leaderId: string;
  memberId: string;
  members: { memberId: string; memberMetadata: Buffer }[];
}
interface Synced {
  errorCode: number;
  memberAssignment: Buffer;
}
interface Committed {
  responses: { topic: string; partitions: { partition: number; errorCode: number }[] }[];
}

const GROUP = 'g';
const META = Buffer.from('meta');
let broker: RunningBroker;
const clients: RawClient[] = [];

async function client(): Promise<RawClient> {
  const c = await RawClient.connect(broker.port, 'member');
  clients.push(c);
  return c;
}

function joinArgs(memberId: string, overrides: object = {}) {
  return {
    groupId: GROUP,
    sessionTimeout: 5000,
    rebalanceTimeout: 30_000,
    memberId,
    protocolType: 'consumer',
    groupProtocols: [{ name: 'RoundRobinAssigner', metadata: META }],
    ...overrides,
  };
}

const join = (c: RawClient, memberId: string, overrides: object = {}) =>
  c.request<Joined>('joinGroup/v5', joinArgs(memberId, overrides));

/**
 * The two-step KIP-394 join: MEMBER_ID_REQUIRED, then the real join, which may park; its answer
 * is wrapped so that awaiting this function does not wait for the join to complete.
 */
async function joinFresh(c: RawClient, overrides: object = {}): Promise<{ joined: Promise<Joined> }> {
  const first = await join(c, '', overrides);
  expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
  return { joined: join(c, first.memberId, overrides) };
}

const sync = (c: RawClient, memberId: string, generationId: number, assignment: [string, Buffer][] = []) =>
  c.request<Synced>('syncGroup/v3', {
    groupId: GROUP,
    generationId,
    memberId,
    groupAssignment: assignment.map(([id, bytes]) => ({ memberId: id, memberAssignment: bytes })),
  });

const heartbeat = async (c: RawClient, memberId: string, generationId: number) =>
  (
    await c.request<{ errorCode: number }>('heartbeat/v3', {
      groupId: GROUP,
      groupGenerationId: generationId,
      memberId,
    })
  ).errorCode;

const commit = (
  c: RawClient,
  memberId: string,
  generationId: number,
  offset = '5',
  topic = 't',
  partition = 0,
) =>
  c.request<Committed>('offsetCommit/v5', {
    groupId: GROUP,
    groupGenerationId: generationId,
    memberId,
    topics: [{ topic, partitions: [{ partition, offset }] }],
  });

const commitError = async (...args: Parameters<typeof commit>) =>
  (await commit(...args)).responses[0]?.partitions[0]?.errorCode;

/** One member, joined and synced: the group is Stable at generation 1. */
async function stableSolo(c: RawClient, sessionTimeout = 10_000): Promise<Joined> {
  const result = await (await joinFresh(c, { sessionTimeout })).joined;
  expect(result).toMatchObject({ errorCode: 0, generationId: 1, groupProtocol: 'RoundRobinAssigner' });
  expect(result.leaderId).toBe(result.memberId);
  expect(
    (await sync(c, result.memberId, 1, [[result.memberId, Buffer.from('all')]])).memberAssignment,
  ).toEqual(Buffer.from('all'));
  return result;
}

beforeEach(async () => {
  broker = await startBroker(TEST_BROKER_OPTIONS);
  const admin = await client();
  await admin.request('metadata/v4', { topics: ['t'], allowAutoTopicCreation: true });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await broker.close();
});

describe('JoinGroup', () => {
  it('rejects an empty group id and session timeouts outside the configured bounds', async () => {
    const c = await client();
    expect((await join(c, '', { groupId: '' })).errorCode).toBe(ErrorCode.INVALID_GROUP_ID);
    expect((await join(c, '', { sessionTimeout: 499 })).errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
    expect((await join(c, '', { sessionTimeout: 1_800_001 })).errorCode).toBe(
      ErrorCode.INVALID_SESSION_TIMEOUT,
    );
  });

  it("enforces Kafka's default 6 s session-timeout floor unless lowered", async () => {
    const strict = await startBroker({ port: 0 });
    const c = await RawClient.connect(strict.port);
    try {
      expect((await join(c, '', { sessionTimeout: 5999 })).errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
      expect((await join(c, '', { sessionTimeout: 6000 })).errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    } finally {
      await c.close();
      await strict.close();
    }
  });

  it('hands out a member id with MEMBER_ID_REQUIRED, admits it on rejoin, and refuses unknown ids', async () => {
    const c = await client();
    const first = await join(c, '');
    expect(first).toMatchObject({ errorCode: ErrorCode.MEMBER_ID_REQUIRED, generationId: -1 });
    expect(first.memberId).toMatch(/^member-[0-9a-f-]{36}$/);
    expect((await join(c, 'member-not-issued')).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const admitted = await join(c, first.memberId);
    expect(admitted).toMatchObject({ errorCode: 0, generationId: 1, memberId: first.memberId });
    expect(admitted.members).toEqual([
      expect.objectContaining({ memberId: first.memberId, memberMetadata: META }),
    ]);
  });

  it('refuses a different protocol type or no shared assignor with INCONSISTENT_GROUP_PROTOCOL', async () => {
    const c = await client();
    await stableSolo(c);
    const other = await client();
    expect((await join(other, '', { protocolType: 'connect' })).errorCode).toBe(
      ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
    );
    const noShared = { groupProtocols: [{ name: 'range', metadata: META }] };
    expect((await join(other, '', noShared)).errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  });

  it('parks a join until every member rejoined, gives the leader the member list, followers none', async () => {
    const a = await client();
    const leader = await stableSolo(a);
    const b = await client();
    const bJoin = (await joinFresh(b)).joined;
    await waitUntil(() => broker.group(GROUP)?.state === 'PreparingRebalance', 'rebalance to start');
    expect(await heartbeat(a, leader.memberId, 1)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const aJoin = await join(a, leader.memberId);
    const bJoined = await bJoin;
    expect(aJoin).toMatchObject({ errorCode: 0, generationId: 2, leaderId: leader.memberId });
    expect(aJoin.members.map((m) => m.memberId).sort()).toEqual([leader.memberId, bJoined.memberId].sort());
    expect(bJoined).toMatchObject({ errorCode: 0, generationId: 2, leaderId: leader.memberId, members: [] });
  });
});

describe('the initial rebalance delay', () => {
  it('holds the first join of an empty group so that members joining meanwhile share generation 1', async () => {
    const delayed = await startBroker({ ...TEST_BROKER_OPTIONS, initialRebalanceDelayMs: 3000 });
    const a = await RawClient.connect(delayed.port, 'member');
    const b = await RawClient.connect(delayed.port, 'member');
    try {
      const aJoin = (await joinFresh(a)).joined;
      let aAnswered = false;
      void aJoin.then(() => {
        aAnswered = true;
      });
      await waitUntil(() => delayed.group(GROUP)?.members.length === 1, 'a to be a member');
      expect(aAnswered).toBe(false);
      const bJoin = (await joinFresh(b)).joined;
      const [aJoined, bJoined] = await Promise.all([aJoin, bJoin]);
      expect(aJoined).toMatchObject({ errorCode: 0, generationId: 1 });
      expect(bJoined).toMatchObject({ errorCode: 0, generationId: 1 });
      expect(aJoined.members.length + bJoined.members.length).toBe(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await delayed.close();
    }
  });
});

describe('SyncGroup and Heartbeat', () => {
  it('parks followers until the leader syncs; a member the leader left out gets zero bytes', async () => {
    const a = await client();
    const leader = await stableSolo(a);
    const b = await client();
    const bJoin = (await joinFresh(b)).joined;
    await waitUntil(() => broker.group(GROUP)?.state === 'PreparingRebalance', 'rebalance to start');
    await join(a, leader.memberId);
    const follower = await bJoin;
    const followerSync = sync(b, follower.memberId, 2);
    await waitUntil(() => broker.group(GROUP)?.state === 'CompletingRebalance', 'join phase to complete');
    const leaderSync = await sync(a, leader.memberId, 2, [[leader.memberId, Buffer.from('p0,p1')]]);
    expect(leaderSync).toMatchObject({ errorCode: 0, memberAssignment: Buffer.from('p0,p1') });
    expect(await followerSync).toMatchObject({ errorCode: 0, memberAssignment: Buffer.alloc(0) });
    expect(broker.group(GROUP)?.state).toBe('Stable');
    expect((await sync(b, follower.memberId, 2)).memberAssignment).toEqual(Buffer.alloc(0));
  });

  it('answers unknown members with 25, stale generations with 22, and heartbeats in Stable with 0', async () => {
    const a = await client();
    const { memberId } = await stableSolo(a);
    expect(await heartbeat(a, memberId, 1)).toBe(ErrorCode.NONE);
    expect(await heartbeat(a, memberId, 0)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(await heartbeat(a, 'stranger', 1)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect((await sync(a, memberId, 0)).errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect((await sync(a, 'stranger', 1)).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const other = await RawClient.connect(broker.port);
    clients.push(other);
    expect(
      (
        await other.request<{ errorCode: number }>('heartbeat/v3', {
          groupId: 'nope',
          groupGenerationId: 1,
          memberId,
        })
      ).errorCode,
    ).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('answers a sync during PreparingRebalance with REBALANCE_IN_PROGRESS', async () => {
    const a = await client();
    const { memberId } = await stableSolo(a);
    const b = await client();
    void (await joinFresh(b)).joined.catch(() => {});
    await waitUntil(() => broker.group(GROUP)?.state === 'PreparingRebalance', 'rebalance to start');
    expect((await sync(a, memberId, 1)).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });
});

describe('OffsetCommit', () => {
  it('accepts commits with the current generation during PreparingRebalance, refuses them in CompletingRebalance', async () => {
    const a = await client();
    const leader = await stableSolo(a);
    const b = await client();
    const bJoin = (await joinFresh(b)).joined;
    await waitUntil(() => broker.group(GROUP)?.state === 'PreparingRebalance', 'rebalance to start');
    expect(await commitError(a, leader.memberId, 1, '7')).toBe(ErrorCode.NONE);
    expect(await commitError(a, leader.memberId, 0)).toBe(ErrorCode.ILLEGAL_GENERATION);
    await join(a, leader.memberId);
    await bJoin;
    expect(broker.group(GROUP)?.state).toBe('CompletingRebalance');
    expect(await commitError(a, leader.memberId, 2)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(broker.group(GROUP)?.offsets).toEqual({ t: { 0: 7 } });
  });

  it('lets a simple commit create an Empty group, stores negative offsets verbatim, and guards active groups', async () => {
    const c = await client();
    expect(await commitError(c, '', -1, '-2')).toBe(ErrorCode.NONE);
    expect(broker.group(GROUP)).toMatchObject({ state: 'Empty', offsets: { t: { 0: -2 } } });
    const listed = await c.request<{ groups: { groupId: string; protocolType: string }[] }>(
      'listGroups/v2',
      {},
    );
    expect(listed.groups).toEqual([{ groupId: GROUP, protocolType: '' }]);
    expect(await commitError(c, '', -1, '9', 'no-such-topic')).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    expect(await commitError(c, '', -1, '9', 't', 4)).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const fresh = await client();
    const unknownGroup = await fresh.request<Committed>('offsetCommit/v5', {
      groupId: 'other',
      groupGenerationId: 3,
      memberId: 'm',
      topics: [{ topic: 't', partitions: [{ partition: 0, offset: '1' }] }],
    });
    expect(unknownGroup.responses[0]?.partitions[0]?.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    const member = await stableSolo(await client());
    expect(await commitError(c, '', -1)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(await commitError(c, 'stranger', 1)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(member.generationId).toBe(1);
  });
});

describe('leaving and eviction', () => {
  it('removes a leaving member at once; the last one leaving makes the group Empty with a new generation', async () => {
    const a = await client();
    const { memberId } = await stableSolo(a);
    const leave = (id: string) =>
      a.request<{ errorCode: number }>('leaveGroup/v1', { groupId: GROUP, memberId: id });
    expect((await leave('stranger')).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect((await leave(memberId)).errorCode).toBe(ErrorCode.NONE);
    expect(broker.group(GROUP)).toMatchObject({ state: 'Empty', generation: 2, members: [] });
    expect(await heartbeat(a, memberId, 2)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('evicts a silent member after its session timeout but never one whose join is parked', async () => {
    const a = await client();
    const silent = await stableSolo(a, 1500);
    const b = await client();
    // b's session (600 ms) is shorter than the wait for a's eviction (a's session is 1.5 s):
    // only the parked join keeps b in the group.
    const bJoin = (await joinFresh(b, { sessionTimeout: 600 })).joined;
    await waitUntil(() => broker.group(GROUP)?.state === 'PreparingRebalance', 'rebalance to start');
    const joined = await bJoin;
    expect(joined).toMatchObject({ errorCode: 0, generationId: 2 });
    expect(joined.leaderId).toBe(joined.memberId);
    expect(broker.group(GROUP)?.members.map((m) => m.memberId)).toEqual([joined.memberId]);
    expect(await heartbeat(a, silent.memberId, 2)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });
});
