import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import { decodeJoinGroupRequestV5, encodeJoinGroupResponseV5, type JoinGroupResponseV5 } from './v5.ts';

const METADATA = Buffer.from('0001000000010000000b73656e736f722d64617461ffffffff', 'hex');

interface KafkajsJoinGroup {
  throttleTime: number;
  clientSideThrottleTime: number;
  errorCode: number;
  generationId: number;
  groupProtocol: string;
  leaderId: string;
  memberId: string;
  members: { memberId: string; groupInstanceId: string | null; memberMetadata: Buffer }[];
}

describe('JoinGroup v5 codec', () => {
  it('decodes the kafkajs join with a member id and its assignor metadata', () =>
    checkRequest({
      api: 'joinGroup/v5',
      apiKey: 11,
      apiVersion: 5,
      args: {
        groupId: 'processors',
        sessionTimeout: 30000,
        rebalanceTimeout: 60000,
        memberId: 'wattwatch-1b2c',
        protocolType: 'consumer',
        groupProtocols: [{ name: 'RoundRobinAssigner', metadata: METADATA }],
      },
      decode: decodeJoinGroupRequestV5,
      expected: {
        groupId: 'processors',
        sessionTimeoutMs: 30000,
        rebalanceTimeoutMs: 60000,
        memberId: 'wattwatch-1b2c',
        groupInstanceId: null,
        protocolType: 'consumer',
        protocols: [{ name: 'RoundRobinAssigner', metadata: METADATA }],
      },
      toKafkajs: (r) => ({
        groupId: r.groupId,
        sessionTimeout: r.sessionTimeoutMs,
        rebalanceTimeout: r.rebalanceTimeoutMs,
        memberId: r.memberId,
        groupInstanceId: r.groupInstanceId,
        protocolType: r.protocolType,
        groupProtocols: r.protocols,
      }),
      fixture: new URL('./fixtures/v5-request.hex', import.meta.url),
    }));

  it("encodes the leader's response with the member list that kafkajs decodes, and back", () =>
    checkResponse<JoinGroupResponseV5, KafkajsJoinGroup>({
      api: 'joinGroup/v5',
      encode: encodeJoinGroupResponseV5,
      value: {
        throttleTimeMs: 0,
        errorCode: 0,
        generationId: 4,
        protocolName: 'RoundRobinAssigner',
        leader: 'wattwatch-1b2c',
        memberId: 'wattwatch-1b2c',
        members: [
          { memberId: 'wattwatch-1b2c', groupInstanceId: null, metadata: METADATA },
          { memberId: 'wattwatch-9f8e', groupInstanceId: null, metadata: METADATA },
        ],
      },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        errorCode: 0,
        generationId: 4,
        groupProtocol: 'RoundRobinAssigner',
        leaderId: 'wattwatch-1b2c',
        memberId: 'wattwatch-1b2c',
        members: [
          { memberId: 'wattwatch-1b2c', groupInstanceId: null, memberMetadata: METADATA },
          { memberId: 'wattwatch-9f8e', groupInstanceId: null, memberMetadata: METADATA },
        ],
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        errorCode: k.errorCode,
        generationId: k.generationId,
        protocolName: k.groupProtocol,
        leader: k.leaderId,
        memberId: k.memberId,
        members: k.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          metadata: m.memberMetadata,
        })),
      }),
      fixture: new URL('./fixtures/v5-response.hex', import.meta.url),
    }));
});
