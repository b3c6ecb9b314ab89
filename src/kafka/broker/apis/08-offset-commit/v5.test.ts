import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import {
  decodeOffsetCommitRequestV5,
  encodeOffsetCommitResponseV5,
  type OffsetCommitResponseV5,
} from './v5.ts';

interface KafkajsOffsetCommit {
  throttleTime: number;
  clientSideThrottleTime: number;
  responses: { topic: string; partitions: { partition: number; errorCode: number }[] }[];
}

describe('OffsetCommit v5 codec', () => {
  it('decodes a kafkajs commit, including a negative offset from resetOffsets', () =>
    checkRequest({
      api: 'offsetCommit/v5',
      apiKey: 8,
      apiVersion: 5,
      args: {
        groupId: 'processors',
        groupGenerationId: 3,
        memberId: 'wattwatch-1b2c',
        topics: [
          {
            topic: 'sensor-data',
            partitions: [
              { partition: 0, offset: '4294967296' },
              { partition: 1, offset: '-2', metadata: 'reset' },
            ],
          },
        ],
      },
      decode: decodeOffsetCommitRequestV5,
      expected: {
        groupId: 'processors',
        generationId: 3,
        memberId: 'wattwatch-1b2c',
        topics: [
          {
            name: 'sensor-data',
            partitions: [
              { partitionIndex: 0, committedOffset: 4294967296, committedMetadata: null },
              { partitionIndex: 1, committedOffset: -2, committedMetadata: 'reset' },
            ],
          },
        ],
      },
      toKafkajs: (r) => ({
        groupId: r.groupId,
        groupGenerationId: r.generationId,
        memberId: r.memberId,
        topics: r.topics.map((t) => ({
          topic: t.name,
          partitions: t.partitions.map((p) => ({
            partition: p.partitionIndex,
            offset: String(p.committedOffset),
            metadata: p.committedMetadata,
          })),
        })),
      }),
      fixture: new URL('./fixtures/v5-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<OffsetCommitResponseV5, KafkajsOffsetCommit>({
      api: 'offsetCommit/v5',
      encode: encodeOffsetCommitResponseV5,
      value: {
        throttleTimeMs: 0,
        topics: [
          {
            name: 'sensor-data',
            partitions: [
              { partitionIndex: 0, errorCode: 0 },
              { partitionIndex: 1, errorCode: 27 },
            ],
          },
        ],
      },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        responses: [
          {
            topic: 'sensor-data',
            partitions: [
              { partition: 0, errorCode: 0 },
              { partition: 1, errorCode: 27 },
            ],
          },
        ],
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        topics: k.responses.map((t) => ({
          name: t.topic,
          partitions: t.partitions.map((p) => ({ partitionIndex: p.partition, errorCode: p.errorCode })),
        })),
      }),
      fixture: new URL('./fixtures/v5-response.hex', import.meta.url),
    }));
});
