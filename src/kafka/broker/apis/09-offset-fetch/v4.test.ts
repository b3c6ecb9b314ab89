import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import {
  decodeOffsetFetchRequestV4,
  encodeOffsetFetchResponseV4,
  type OffsetFetchRequestV4,
  type OffsetFetchResponseV4,
} from './v4.ts';

const toKafkajs = (r: OffsetFetchRequestV4) => ({
  groupId: r.groupId,
  topics: (r.topics ?? []).map((t) => ({
    topic: t.name,
    partitions: t.partitionIndexes.map((partition) => ({ partition })),
  })),
});

interface KafkajsOffsetFetch {
  throttleTime: number;
  clientSideThrottleTime: number;
  responses: {
    topic: string;
    partitions: { partition: number; offset: string; metadata: string | null; errorCode: number }[];
  }[];
  errorCode: number;
}

describe('OffsetFetch v4 codec', () => {
  it('decodes a kafkajs request for named partitions', () =>
    checkRequest({
      api: 'offsetFetch/v4',
      apiKey: 9,
      apiVersion: 4,
      args: {
        groupId: 'processors',
        topics: [{ topic: 'sensor-data', partitions: [{ partition: 0 }, { partition: 5 }] }],
      },
      decode: decodeOffsetFetchRequestV4,
      expected: { groupId: 'processors', topics: [{ name: 'sensor-data', partitionIndexes: [0, 5] }] },
      toKafkajs,
      fixture: new URL('./fixtures/v4-request.hex', import.meta.url),
    }));

  it("decodes kafkajs' empty topic list as null (all committed offsets)", () =>
    checkRequest({
      api: 'offsetFetch/v4',
      apiKey: 9,
      apiVersion: 4,
      args: { groupId: 'processors', topics: [] },
      decode: decodeOffsetFetchRequestV4,
      expected: { groupId: 'processors', topics: null },
      toKafkajs,
      fixture: new URL('./fixtures/v4-request-all.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<OffsetFetchResponseV4, KafkajsOffsetFetch>({
      api: 'offsetFetch/v4',
      encode: encodeOffsetFetchResponseV4,
      value: {
        throttleTimeMs: 0,
        topics: [
          {
            name: 'sensor-data',
            partitions: [
              { partitionIndex: 0, committedOffset: 812, metadata: '', errorCode: 0 },
              { partitionIndex: 5, committedOffset: -1, metadata: '', errorCode: 0 },
            ],
          },
        ],
        errorCode: 0,
      },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        responses: [
          {
            topic: 'sensor-data',
            partitions: [
              { partition: 0, offset: '812', metadata: '', errorCode: 0 },
              { partition: 5, offset: '-1', metadata: '', errorCode: 0 },
            ],
          },
        ],
        errorCode: 0,
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        topics: k.responses.map((t) => ({
          name: t.topic,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p.partition,
            committedOffset: Number(p.offset),
            metadata: p.metadata,
            errorCode: p.errorCode,
          })),
        })),
        errorCode: k.errorCode,
      }),
      fixture: new URL('./fixtures/v4-response.hex', import.meta.url),
    }));
});
