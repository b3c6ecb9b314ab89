import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import {
  type DescribeGroupsResponseV2,
  decodeDescribeGroupsRequestV2,
  encodeDescribeGroupsResponseV2,
} from './v2.ts';

const METADATA = Buffer.from('000100000001000b73656e736f722d64617461ffffffff', 'hex');
const ASSIGNMENT = Buffer.from('00010000000100000b73656e736f722d646174610000000100000000ffffffff', 'hex');

interface KafkajsDescribeGroups {
  throttleTime: number;
  clientSideThrottleTime: number;
  groups: {
    errorCode: number;
    groupId: string;
    state: string;
    protocolType: string;
    protocol: string;
    members: {
      memberId: string;
      clientId: string;
      clientHost: string;
      memberMetadata: Buffer;
      memberAssignment: Buffer;
    }[];
  }[];
}

describe('DescribeGroups v2 codec', () => {
  it('decodes a kafkajs request for two groups', () =>
    checkRequest({
      api: 'describeGroups/v2',
      apiKey: 15,
      apiVersion: 2,
      args: { groupIds: ['processors', 'nobody'] },
      decode: decodeDescribeGroupsRequestV2,
      expected: { groups: ['processors', 'nobody'] },
      toKafkajs: (r) => ({ groupIds: r.groups }),
      fixture: new URL('./fixtures/v2-request.hex', import.meta.url),
    }));

  it('encodes a Stable group and a Dead one so that kafkajs decodes them, and back', () =>
    checkResponse<DescribeGroupsResponseV2, KafkajsDescribeGroups>({
      api: 'describeGroups/v2',
      encode: encodeDescribeGroupsResponseV2,
      value: {
        throttleTimeMs: 0,
        groups: [
          {
            errorCode: 0,
            groupId: 'processors',
            groupState: 'Stable',
            protocolType: 'consumer',
            protocolData: 'RoundRobinAssigner',
            members: [
              {
                memberId: 'wattwatch-1b2c',
                clientId: 'wattwatch',
                clientHost: '/127.0.0.1',
                memberMetadata: METADATA,
                memberAssignment: ASSIGNMENT,
              },
            ],
          },
          {
            errorCode: 0,
            groupId: 'nobody',
            groupState: 'Dead',
            protocolType: '',
            protocolData: '',
            members: [],
          },
        ],
      },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        groups: [
          {
            errorCode: 0,
            groupId: 'processors',
            state: 'Stable',
            protocolType: 'consumer',
            protocol: 'RoundRobinAssigner',
            members: [
              {
                memberId: 'wattwatch-1b2c',
                clientId: 'wattwatch',
                clientHost: '/127.0.0.1',
                memberMetadata: METADATA,
                memberAssignment: ASSIGNMENT,
              },
            ],
          },
          { errorCode: 0, groupId: 'nobody', state: 'Dead', protocolType: '', protocol: '', members: [] },
        ],
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        groups: k.groups.map((g) => ({
          errorCode: g.errorCode,
          groupId: g.groupId,
          groupState: g.state,
          protocolType: g.protocolType,
          protocolData: g.protocol,
          members: g.members,
        })),
      }),
      fixture: new URL('./fixtures/v2-response.hex', import.meta.url),
    }));
});
