import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import { decodeLeaveGroupRequestV1, encodeLeaveGroupResponseV1, type LeaveGroupResponseV1 } from './v1.ts';

describe('LeaveGroup v1 codec', () => {
  it('decodes a kafkajs leave', () =>
    checkRequest({
      api: 'leaveGroup/v1',
      apiKey: 13,
      apiVersion: 1,
      args: { groupId: 'processors', memberId: 'wattwatch-1b2c' },
      decode: decodeLeaveGroupRequestV1,
      expected: { groupId: 'processors', memberId: 'wattwatch-1b2c' },
      toKafkajs: (r) => r,
      fixture: new URL('./fixtures/v1-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<LeaveGroupResponseV1, { throttleTime: number; errorCode: number }>({
      api: 'leaveGroup/v1',
      encode: encodeLeaveGroupResponseV1,
      value: { throttleTimeMs: 0, errorCode: 25 },
      kafkajs: { throttleTime: 0, errorCode: 25 },
      fromKafkajs: (k) => ({ throttleTimeMs: k.throttleTime, errorCode: k.errorCode }),
      fixture: new URL('./fixtures/v1-response.hex', import.meta.url),
    }));
});
