import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import {
  decodeInitProducerIdRequestV1,
  encodeInitProducerIdResponseV1,
  type InitProducerIdResponseV1,
} from './v1.ts';

interface KafkajsInitProducerId {
  throttleTime: number;
  clientSideThrottleTime: number;
  errorCode: number;
  producerId: string;
  producerEpoch: number;
}

describe('InitProducerId v1 codec', () => {
  it('decodes the request of a kafkajs idempotent producer', () =>
    checkRequest({
      api: 'initProducerId/v1',
      apiKey: 22,
      apiVersion: 1,
      args: { transactionalId: null, transactionTimeout: 30000 },
      decode: decodeInitProducerIdRequestV1,
      expected: { transactionalId: null, transactionTimeoutMs: 30000 },
      toKafkajs: (r) => ({ transactionalId: r.transactionalId, transactionTimeout: r.transactionTimeoutMs }),
      fixture: new URL('./fixtures/v1-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<InitProducerIdResponseV1, KafkajsInitProducerId>({
      api: 'initProducerId/v1',
      encode: encodeInitProducerIdResponseV1,
      value: { throttleTimeMs: 0, errorCode: 0, producerId: 1001, producerEpoch: 0 },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        errorCode: 0,
        producerId: '1001',
        producerEpoch: 0,
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        errorCode: k.errorCode,
        producerId: Number(k.producerId),
        producerEpoch: k.producerEpoch,
      }),
      fixture: new URL('./fixtures/v1-response.hex', import.meta.url),
    }));
});
