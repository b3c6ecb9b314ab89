import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import {
  type DeleteTopicsResponseV1,
  decodeDeleteTopicsRequestV1,
  encodeDeleteTopicsResponseV1,
} from './v1.ts';

interface KafkajsDeleteTopics {
  throttleTime: number;
  clientSideThrottleTime: number;
  topicErrors: { topic: string; errorCode: number }[];
}

describe('DeleteTopics v1 codec', () => {
  it('decodes a kafkajs request', () =>
    checkRequest({
      api: 'deleteTopics/v1',
      apiKey: 20,
      apiVersion: 1,
      args: { topics: ['sensor-data', 'gone'], timeout: 5000 },
      decode: decodeDeleteTopicsRequestV1,
      expected: { topicNames: ['sensor-data', 'gone'], timeoutMs: 5000 },
      toKafkajs: (r) => ({ topics: r.topicNames, timeout: r.timeoutMs }),
      fixture: new URL('./fixtures/v1-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<DeleteTopicsResponseV1, KafkajsDeleteTopics>({
      api: 'deleteTopics/v1',
      encode: encodeDeleteTopicsResponseV1,
      value: {
        throttleTimeMs: 0,
        responses: [
          { name: 'gone', errorCode: 3 },
          { name: 'sensor-data', errorCode: 0 },
        ],
      },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        topicErrors: [
          { topic: 'gone', errorCode: 3 },
          { topic: 'sensor-data', errorCode: 0 },
        ],
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        responses: k.topicErrors.map((t) => ({ name: t.topic, errorCode: t.errorCode })),
      }),
      fixture: new URL('./fixtures/v1-response.hex', import.meta.url),
    }));
});
