import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import { decodeListOffsetsRequestV2, encodeListOffsetsResponseV2, type ListOffsetsResponseV2 } from './v2.ts';

interface KafkajsListOffsets {
  throttleTime: number;
  responses: {
    topic: string;
    partitions: { partition: number; errorCode: number; timestamp: string; offset: string }[];
  }[];
}

describe('ListOffsets v2 codec', () => {
  it('decodes a kafkajs request for latest, earliest and a timestamp', () =>
    checkRequest({
      api: 'listOffsets/v2',
      apiKey: 2,
      apiVersion: 2,
      args: {
        replicaId: -1,
        isolationLevel: 1,
        topics: [
          {
            topic: 'sensor-data',
            partitions: [
              { partition: 0, timestamp: -1 },
              { partition: 1, timestamp: -2 },
              { partition: 2, timestamp: 1763791200000 },
            ],
          },
        ],
      },
      decode: decodeListOffsetsRequestV2,
      expected: {
        replicaId: -1,
        isolationLevel: 1,
        topics: [
          {
            name: 'sensor-data',
            partitions: [
              { partitionIndex: 0, timestamp: -1 },
              { partitionIndex: 1, timestamp: -2 },
              { partitionIndex: 2, timestamp: 1763791200000 },
            ],
          },
        ],
      },
      toKafkajs: (r) => ({
        replicaId: r.replicaId,
        isolationLevel: r.isolationLevel,
        topics: r.topics.map((t) => ({
          topic: t.name,
          partitions: t.partitions.map((p) => ({ partition: p.partitionIndex, timestamp: p.timestamp })),
        })),
      }),
      fixture: new URL('./fixtures/v2-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<ListOffsetsResponseV2, KafkajsListOffsets>({
      api: 'listOffsets/v2',
      encode: encodeListOffsetsResponseV2,
      value: {
        throttleTimeMs: 0,
        topics: [
          {
            name: 'sensor-data',
            partitions: [
              { partitionIndex: 0, errorCode: 0, timestamp: -1, offset: 1234 },
              { partitionIndex: 9, errorCode: 3, timestamp: -1, offset: -1 },
            ],
          },
        ],
      },
      kafkajs: {
        throttleTime: 0,
        responses: [
          {
            topic: 'sensor-data',
            partitions: [
              { partition: 0, errorCode: 0, timestamp: '-1', offset: '1234' },
              { partition: 9, errorCode: 3, timestamp: '-1', offset: '-1' },
            ],
          },
        ],
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.throttleTime,
        topics: k.responses.map((t) => ({
          name: t.topic,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p.partition,
            errorCode: p.errorCode,
            timestamp: Number(p.timestamp),
            offset: Number(p.offset),
          })),
        })),
      }),
      fixture: new URL('./fixtures/v2-response.hex', import.meta.url),
    }));
});
