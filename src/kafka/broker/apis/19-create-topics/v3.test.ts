import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import {
  type CreateTopicsResponseV3,
  decodeCreateTopicsRequestV3,
  encodeCreateTopicsResponseV3,
} from './v3.ts';

interface KafkajsCreateTopics {
  throttleTime: number;
  clientSideThrottleTime: number;
  topicErrors: { topic: string; errorCode: number; errorMessage: string | null }[];
}

describe('CreateTopics v3 codec', () => {
  it('decodes a kafkajs request with defaults, explicit counts, assignments and configs', () =>
    checkRequest({
      api: 'createTopics/v3',
      apiKey: 19,
      apiVersion: 3,
      args: {
        topics: [
          {
            topic: 'sensor-data',
            numPartitions: 12,
            replicationFactor: 1,
            configEntries: [{ name: 'retention.ms', value: '60000' }],
          },
          { topic: 'defaults' },
          {
            topic: 'assigned',
            replicaAssignment: [
              { partition: 0, replicas: [0] },
              { partition: 1, replicas: [0] },
            ],
          },
        ],
        validateOnly: false,
        timeout: 5000,
      },
      decode: decodeCreateTopicsRequestV3,
      expected: {
        topics: [
          {
            name: 'sensor-data',
            numPartitions: 12,
            replicationFactor: 1,
            assignments: [],
            configs: [{ name: 'retention.ms', value: '60000' }],
          },
          { name: 'defaults', numPartitions: -1, replicationFactor: -1, assignments: [], configs: [] },
          {
            name: 'assigned',
            numPartitions: -1,
            replicationFactor: -1,
            assignments: [
              { partitionIndex: 0, brokerIds: [0] },
              { partitionIndex: 1, brokerIds: [0] },
            ],
            configs: [],
          },
        ],
        timeoutMs: 5000,
        validateOnly: false,
      },
      toKafkajs: (r) => ({
        topics: r.topics.map((t) => ({
          topic: t.name,
          numPartitions: t.numPartitions,
          replicationFactor: t.replicationFactor,
          replicaAssignment: t.assignments.map((a) => ({
            partition: a.partitionIndex,
            replicas: a.brokerIds,
          })),
          configEntries: t.configs,
        })),
        validateOnly: r.validateOnly,
        timeout: r.timeoutMs,
      }),
      fixture: new URL('./fixtures/v3-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<CreateTopicsResponseV3, KafkajsCreateTopics>({
      api: 'createTopics/v3',
      encode: encodeCreateTopicsResponseV3,
      value: {
        throttleTimeMs: 0,
        topics: [
          { name: 'defaults', errorCode: 0, errorMessage: null },
          { name: 'sensor-data', errorCode: 36, errorMessage: "topic 'sensor-data' already exists" },
        ],
      },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        topicErrors: [
          { topic: 'defaults', errorCode: 0, errorMessage: null },
          { topic: 'sensor-data', errorCode: 36, errorMessage: "topic 'sensor-data' already exists" },
        ],
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        topics: k.topicErrors.map((t) => ({
          name: t.topic,
          errorCode: t.errorCode,
          errorMessage: t.errorMessage,
        })),
      }),
      fixture: new URL('./fixtures/v3-response.hex', import.meta.url),
    }));
});
