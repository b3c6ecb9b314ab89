import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import { decodeSyncGroupRequestV3, encodeSyncGroupResponseV3, type SyncGroupResponseV3 } from './v3.ts';

const ASSIGNMENT = Buffer.from(
  '00010000000100000b73656e736f722d64617461000000020000000000000001ffffffff',
  'hex',
);

interface KafkajsSyncGroup {
  throttleTime: number;
  clientSideThrottleTime: number;
  errorCode: number;
  memberAssignment: Buffer;
}

describe('SyncGroup v3 codec', () => {
  it("decodes the leader's kafkajs sync with every member's assignment", () =>
    checkRequest({
      api: 'syncGroup/v3',
      apiKey: 14,
      apiVersion: 3,
      args: {
        groupId: 'processors',
        generationId: 4,
        memberId: 'wattwatch-1b2c',
        groupAssignment: [
          { memberId: 'wattwatch-1b2c', memberAssignment: ASSIGNMENT },
          { memberId: 'wattwatch-9f8e', memberAssignment: Buffer.alloc(0) },
        ],
      },
      decode: decodeSyncGroupRequestV3,
      expected: {
        groupId: 'processors',
        generationId: 4,
        memberId: 'wattwatch-1b2c',
        groupInstanceId: null,
        assignments: [
          { memberId: 'wattwatch-1b2c', assignment: ASSIGNMENT },
          { memberId: 'wattwatch-9f8e', assignment: Buffer.alloc(0) },
        ],
      },
      toKafkajs: (r) => ({
        groupId: r.groupId,
        generationId: r.generationId,
        memberId: r.memberId,
        groupInstanceId: r.groupInstanceId,
        groupAssignment: r.assignments.map((a) => ({ memberId: a.memberId, memberAssignment: a.assignment })),
      }),
      fixture: new URL('./fixtures/v3-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<SyncGroupResponseV3, KafkajsSyncGroup>({
      api: 'syncGroup/v3',
      encode: encodeSyncGroupResponseV3,
      value: { throttleTimeMs: 0, errorCode: 0, assignment: ASSIGNMENT },
      kafkajs: { throttleTime: 0, clientSideThrottleTime: 0, errorCode: 0, memberAssignment: ASSIGNMENT },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        errorCode: k.errorCode,
        assignment: k.memberAssignment,
      }),
      fixture: new URL('./fixtures/v3-response.hex', import.meta.url),
    }));
});
