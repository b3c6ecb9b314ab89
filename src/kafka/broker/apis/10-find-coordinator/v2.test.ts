import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import {
  decodeFindCoordinatorRequestV2,
  encodeFindCoordinatorResponseV2,
  type FindCoordinatorResponseV2,
} from './v2.ts';

interface KafkajsFindCoordinator {
  throttleTime: number;
  clientSideThrottleTime: number;
  errorCode: number;
  errorMessage: string | null;
  coordinator: { nodeId: number; host: string; port: number };
}

describe('FindCoordinator v2 codec', () => {
  it('decodes a kafkajs group-coordinator request', () =>
    checkRequest({
      api: 'findCoordinator/v2',
      apiKey: 10,
      apiVersion: 2,
      args: { coordinatorKey: 'processors', coordinatorType: 0 },
      decode: decodeFindCoordinatorRequestV2,
      expected: { key: 'processors', keyType: 0 },
      toKafkajs: (r) => ({ coordinatorKey: r.key, coordinatorType: r.keyType }),
      fixture: new URL('./fixtures/v2-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<FindCoordinatorResponseV2, KafkajsFindCoordinator>({
      api: 'findCoordinator/v2',
      encode: encodeFindCoordinatorResponseV2,
      value: {
        throttleTimeMs: 0,
        errorCode: 0,
        errorMessage: null,
        nodeId: 0,
        host: '127.0.0.1',
        port: 40123,
      },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        errorCode: 0,
        errorMessage: null,
        coordinator: { nodeId: 0, host: '127.0.0.1', port: 40123 },
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        errorCode: k.errorCode,
        errorMessage: k.errorMessage,
        ...k.coordinator,
      }),
      fixture: new URL('./fixtures/v2-response.hex', import.meta.url),
    }));
});
