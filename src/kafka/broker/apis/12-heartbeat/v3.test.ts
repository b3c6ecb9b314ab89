import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import { decodeHeartbeatRequestV3, encodeHeartbeatResponseV3, type HeartbeatResponseV3 } from './v3.ts';

describe('Heartbeat v3 codec', () => {
  it('decodes a kafkajs heartbeat', () =>
    checkRequest({
      api: 'heartbeat/v3',
      apiKey: 12,
      apiVersion: 3,
      args: {
        groupId: 'processors',
        groupGenerationId: 4,
        memberId: 'wattwatch-1b2c',
        groupInstanceId: null,
      },
      decode: decodeHeartbeatRequestV3,
      expected: { groupId: 'processors', generationId: 4, memberId: 'wattwatch-1b2c', groupInstanceId: null },
      toKafkajs: (r) => ({
        groupId: r.groupId,
        groupGenerationId: r.generationId,
        memberId: r.memberId,
        groupInstanceId: r.groupInstanceId,
      }),
      fixture: new URL('./fixtures/v3-request.hex', import.meta.url),
    }));

  it('encodes REBALANCE_IN_PROGRESS so that kafkajs decodes it, and back', () =>
    checkResponse<
      HeartbeatResponseV3,
      { throttleTime: number; clientSideThrottleTime: number; errorCode: number }
    >({
      api: 'heartbeat/v3',
      encode: encodeHeartbeatResponseV3,
      value: { throttleTimeMs: 0, errorCode: 27 },
      kafkajs: { throttleTime: 0, clientSideThrottleTime: 0, errorCode: 27 },
      fromKafkajs: (k) => ({ throttleTimeMs: k.clientSideThrottleTime, errorCode: k.errorCode }),
      fixture: new URL('./fixtures/v3-response.hex', import.meta.url),
    }));
});
