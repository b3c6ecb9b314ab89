import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import {
  decodeMetadataRequestV4,
  encodeMetadataResponseV4,
  type MetadataRequestV4,
  type MetadataResponseV4,
} from './v4.ts';

const toKafkajs = (r: MetadataRequestV4) => ({
  topics: r.topics ?? [],
  allowAutoTopicCreation: r.allowAutoTopicCreation,
});

interface KafkajsMetadata {
  throttleTime: number;
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  clusterId: string | null;
  controllerId: number;
  topicMetadata: {
    topicErrorCode: number;
    topic: string;
    isInternal: boolean;
    partitionMetadata: {
      partitionErrorCode: number;
      partitionId: number;
      leader: number;
      replicas: number[];
      isr: number[];
    }[];
  }[];
}

const RESPONSE: MetadataResponseV4 = {
  throttleTimeMs: 0,
  brokers: [{ nodeId: 0, host: '127.0.0.1', port: 9092, rack: null }],
  clusterId: 'wattwatch-dev-broker',
  controllerId: 0,
  topics: [
    {
      errorCode: 0,
      name: 'sensor-data',
      isInternal: false,
      partitions: [0, 1].map((i) => ({
        errorCode: 0,
        partitionIndex: i,
        leaderId: 0,
        replicaNodes: [0],
        isrNodes: [0],
      })),
    },
    { errorCode: 3, name: 'missing', isInternal: false, partitions: [] },
  ],
};

describe('Metadata v4 codec', () => {
  it('decodes a kafkajs request naming topics, without auto-create', () =>
    checkRequest({
      api: 'metadata/v4',
      apiKey: 3,
      apiVersion: 4,
      args: { topics: ['sensor-data', 'producer-heartbeat'], allowAutoTopicCreation: false },
      decode: decodeMetadataRequestV4,
      expected: { topics: ['sensor-data', 'producer-heartbeat'], allowAutoTopicCreation: false },
      toKafkajs,
      fixture: new URL('./fixtures/v4-request.hex', import.meta.url),
    }));

  it('decodes kafkajs\' "all topics" request as a null list', () =>
    checkRequest({
      api: 'metadata/v4',
      apiKey: 3,
      apiVersion: 4,
      args: { topics: [], allowAutoTopicCreation: true },
      decode: decodeMetadataRequestV4,
      expected: { topics: null, allowAutoTopicCreation: true },
      toKafkajs,
      fixture: new URL('./fixtures/v4-request-all-topics.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<MetadataResponseV4, KafkajsMetadata>({
      api: 'metadata/v4',
      encode: encodeMetadataResponseV4,
      value: RESPONSE,
      kafkajs: {
        throttleTime: 0,
        brokers: [{ nodeId: 0, host: '127.0.0.1', port: 9092, rack: null }],
        clusterId: 'wattwatch-dev-broker',
        controllerId: 0,
        topicMetadata: [
          {
            topicErrorCode: 0,
            topic: 'sensor-data',
            isInternal: false,
            partitionMetadata: [0, 1].map((i) => ({
              partitionErrorCode: 0,
              partitionId: i,
              leader: 0,
              replicas: [0],
              isr: [0],
            })),
          },
          { topicErrorCode: 3, topic: 'missing', isInternal: false, partitionMetadata: [] },
        ],
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.throttleTime,
        brokers: k.brokers,
        clusterId: k.clusterId,
        controllerId: k.controllerId,
        topics: k.topicMetadata.map((t) => ({
          errorCode: t.topicErrorCode,
          name: t.topic,
          isInternal: t.isInternal,
          partitions: t.partitionMetadata.map((p) => ({
            errorCode: p.partitionErrorCode,
            partitionIndex: p.partitionId,
            leaderId: p.leader,
            replicaNodes: p.replicas,
            isrNodes: p.isr,
          })),
        })),
      }),
      fixture: new URL('./fixtures/v4-response.hex', import.meta.url),
    }));
});
