/**
 * Connection-level behaviour over real TCP: request order, parked requests, acks=0, the ApiVersions
 * fallback, unsupported requests, and clean release on close. Requests are kafkajs-encoded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawClient } from '../../../../test/support/broker/raw-client.ts';
import { TEST_BROKER_OPTIONS } from '../../../../test/support/broker/test-kafka.ts';
import { readFixture } from '../../../../test/support/golden.ts';
import { API_REGISTRY } from '../apis/registry.ts';
import { type RunningBroker, startBroker } from '../start-broker.ts';

type Fetched = {
  responses: {
    partitions: { errorCode: number; highWatermark: string; messages: { offset: string; value: Buffer }[] }[];
  }[];
};

let broker: RunningBroker;
const clients: RawClient[] = [];

async function client(): Promise<RawClient> {
  const c = await RawClient.connect(broker.port);
  clients.push(c);
  return c;
}

function fetchArgs(topic: string, fetchOffset: string, maxWaitTime: number) {
  return {
    replicaId: -1,
    maxWaitTime,
    minBytes: 1,
    maxBytes: 1_048_576,
    isolationLevel: 1,
    topics: [{ topic, partitions: [{ partition: 0, fetchOffset, maxBytes: 1_048_576 }] }],
  };
}

function produceArgs(topic: string, acks: number, values: string[]) {
  const messages = values.map((value) => ({ value, timestamp: 1_763_791_200_000 }));
  return { acks, timeout: 1000, topicData: [{ topic, partitions: [{ partition: 0, messages }] }] };
}

beforeEach(async () => {
  broker = await startBroker(TEST_BROKER_OPTIONS);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await broker.close();
});

describe('a broker connection', () => {
  it('serves a Fetch as the first request, without ApiVersions (kafkajs fetch connections do that)', async () => {
    const c = await client();
    await c.request('metadata/v4', { topics: ['first'], allowAutoTopicCreation: true });
    const fetcher = await client();
    const fetched = await fetcher.request<Fetched>('fetch/v11', fetchArgs('first', '0', 0));
    expect(fetched.responses[0]?.partitions[0]).toMatchObject({
      errorCode: 0,
      highWatermark: '0',
      messages: [],
    });
  });

  it('answers in request order even when the first request is parked', async () => {
    const c = await client();
    await c.request('metadata/v4', { topics: ['ordered'], allowAutoTopicCreation: true });
    const fetch = c.request<Fetched>('fetch/v11', fetchArgs('ordered', '0', 60_000));
    const metadata = c.request('metadata/v4', { topics: ['ordered'], allowAutoTopicCreation: false });
    const producer = await client();
    const args = produceArgs('ordered', 1, ['wake up']);
    await producer.request('produce/v7', args);
    const [fetched] = await Promise.all([fetch, metadata]);
    expect(c.arrivals).toEqual([1, 2, 3]);
    expect(fetched.responses[0]?.partitions[0]?.messages.map((m) => String(m.value))).toEqual(['wake up']);
  });

  it('wakes a parked fetch on append long before its max wait (60 s here, beyond the test timeout)', async () => {
    const c = await client();
    await c.request('metadata/v4', { topics: ['woken'], allowAutoTopicCreation: true });
    const fetch = c.request<Fetched>('fetch/v11', fetchArgs('woken', '0', 60_000));
    const other = await client();
    const args = produceArgs('woken', -1, ['a', 'b']);
    await other.request('produce/v7', args);
    const fetched = await fetch;
    expect(fetched.responses[0]?.partitions[0]?.messages.map((m) => m.offset)).toEqual(['0', '1']);
  });

  it('does not let a parked request on one connection hold up another connection', async () => {
    const a = await client();
    await a.request('metadata/v4', { topics: ['parked'], allowAutoTopicCreation: true });
    const parked = a.request('fetch/v11', fetchArgs('parked', '0', 60_000));
    const b = await client();
    const answer = await b.request<{ topicMetadata: { topic: string }[] }>('metadata/v4', {
      topics: ['parked'],
      allowAutoTopicCreation: false,
    });
    expect(answer.topicMetadata[0]?.topic).toBe('parked');
    await a.close();
    await expect(parked).rejects.toThrow(/closed/);
  });

  it('answers an empty fetch once max wait has passed', async () => {
    const c = await client();
    await c.request('metadata/v4', { topics: ['quiet'], allowAutoTopicCreation: true });
    const fetched = await c.request<Fetched>('fetch/v11', fetchArgs('quiet', '0', 100));
    expect(fetched.responses[0]?.partitions[0]).toMatchObject({ errorCode: 0, messages: [] });
  });

  it('applies acks=0 produces without answering, and keeps later answers in order', async () => {
    const c = await client();
    await c.request('metadata/v4', { topics: ['fire-and-forget'], allowAutoTopicCreation: true });
    const args = produceArgs('fire-and-forget', 0, ['x', 'y']);
    await c.requestNoAnswer('produce/v7', args);
    await c.requestNoAnswer('produce/v7', args);
    const offsets = await c.request<{ responses: { partitions: { offset: string }[] }[] }>('listOffsets/v2', {
      replicaId: -1,
      isolationLevel: 1,
      topics: [{ topic: 'fire-and-forget', partitions: [{ partition: 0, timestamp: -1 }] }],
    });
    expect(offsets.responses[0]?.partitions[0]?.offset).toBe('4');
    expect(c.arrivals).toEqual([1, 4]);
  });

  it("answers kcat's flexible ApiVersions v3 with UNSUPPORTED_VERSION and the full list in the v0 layout", async () => {
    const c = await client();
    const kcatFrame = readFixture(
      new URL('../apis/18-api-versions/fixtures/v3-request-kcat.hex', import.meta.url),
    );
    const body = await c.rawRequest(kcatFrame);
    expect(c.arrivals).toEqual([1]);
    expect(body.readInt16BE(0)).toBe(35);
    const count = body.readInt32BE(2);
    expect(count).toBe(API_REGISTRY.advertised.length);
    const entries = Array.from({ length: count }, (_, i) => ({
      apiKey: body.readInt16BE(6 + i * 6),
      minVersion: body.readInt16BE(8 + i * 6),
      maxVersion: body.readInt16BE(10 + i * 6),
    }));
    expect(entries).toEqual(API_REGISTRY.advertised);
    expect(body.length, 'v0 layout: no throttle time').toBe(6 + count * 6);
  });

  it('closes the connection on a request it does not serve', async () => {
    const c = await client();
    const answer = c.request('initProducerId/v0', { transactionalId: null, transactionTimeout: 1000 });
    await expect(answer).rejects.toThrow(/closed/);
  });

  it('answers a fetch parked on a topic that gets deleted with UNKNOWN_TOPIC_OR_PARTITION', async () => {
    const c = await client();
    await c.request('metadata/v4', { topics: ['deleted'], allowAutoTopicCreation: true });
    const parked = c.request<Fetched>('fetch/v11', fetchArgs('deleted', '0', 60_000));
    const admin = await client();
    await admin.request('deleteTopics/v1', { topics: ['deleted'], timeout: 1000 });
    expect((await parked).responses[0]?.partitions[0]?.errorCode).toBe(3);
  });

  it('answers fetches outside [log start, high watermark] with OFFSET_OUT_OF_RANGE at once', async () => {
    const small = await startBroker({ ...TEST_BROKER_OPTIONS, retentionBytes: 1 });
    const c = await RawClient.connect(small.port);
    try {
      await c.request('metadata/v4', { topics: ['short'], allowAutoTopicCreation: true });
      for (const value of ['a', 'b', 'c']) await c.request('produce/v7', produceArgs('short', 1, [value]));
      const offsets = (timestamp: number) =>
        c.request<{ responses: { partitions: { offset: string }[] }[] }>('listOffsets/v2', {
          replicaId: -1,
          isolationLevel: 1,
          topics: [{ topic: 'short', partitions: [{ partition: 0, timestamp }] }],
        });
      expect((await offsets(-2)).responses[0]?.partitions[0]?.offset).toBe('2');
      expect((await offsets(-1)).responses[0]?.partitions[0]?.offset).toBe('3');
      for (const [offset, errorCode] of [
        ['1', 1],
        ['4', 1],
        ['2', 0],
      ] as const) {
        const fetched = await c.request<Fetched>('fetch/v11', fetchArgs('short', offset, 60_000));
        expect(fetched.responses[0]?.partitions[0]?.errorCode, `offset ${offset}`).toBe(errorCode);
      }
    } finally {
      await c.close();
      await small.close();
    }
  });

  it('finds offsets by timestamp, batch by batch', async () => {
    const c = await client();
    await c.request('metadata/v4', { topics: ['timed'], allowAutoTopicCreation: true });
    const at = (timestamp: number, values: string[]) => ({
      acks: 1,
      timeout: 1000,
      topicData: [
        {
          topic: 'timed',
          partitions: [{ partition: 0, messages: values.map((value) => ({ value, timestamp })) }],
        },
      ],
    });
    await c.request('produce/v7', at(1_000_000, ['old-1', 'old-2']));
    await c.request('produce/v7', at(2_000_000, ['new-1']));
    const lookup = async (timestamp: number) =>
      (
        await c.request<{ responses: { partitions: { offset: string; timestamp: string }[] }[] }>(
          'listOffsets/v2',
          {
            replicaId: -1,
            isolationLevel: 1,
            topics: [{ topic: 'timed', partitions: [{ partition: 0, timestamp }] }],
          },
        )
      ).responses[0]?.partitions[0];
    expect(await lookup(500_000)).toEqual(expect.objectContaining({ offset: '0', timestamp: '1000000' }));
    expect(await lookup(1_500_000)).toEqual(expect.objectContaining({ offset: '2', timestamp: '2000000' }));
    expect(await lookup(3_000_000)).toEqual(expect.objectContaining({ offset: '-1', timestamp: '-1' }));
  });

  it('releases parked fetches when the broker closes', async () => {
    const c = await client();
    await c.request('metadata/v4', { topics: ['shutdown'], allowAutoTopicCreation: true });
    const parked = c.request('fetch/v11', fetchArgs('shutdown', '0', 60_000));
    await broker.close();
    await expect(parked).rejects.toThrow(/closed/);
  });
});
