import { describe, it } from 'vitest';
import { checkRequest, checkResponse } from '../../../../../test/support/golden.ts';
import { decodeListGroupsRequestV2, encodeListGroupsResponseV2, type ListGroupsResponseV2 } from './v2.ts';

interface KafkajsListGroups {
  throttleTime: number;
  clientSideThrottleTime: number;
  errorCode: number;
  groups: { groupId: string; protocolType: string }[];
}

describe('ListGroups v2 codec', () => {
  it('decodes the (empty) kafkajs request', () =>
    checkRequest({
      api: 'listGroups/v2',
      apiKey: 16,
      apiVersion: 2,
      args: {},
      decode: decodeListGroupsRequestV2,
      expected: {},
      toKafkajs: () => ({}),
      fixture: new URL('./fixtures/v2-request.hex', import.meta.url),
    }));

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<ListGroupsResponseV2, KafkajsListGroups>({
      api: 'listGroups/v2',
      encode: encodeListGroupsResponseV2,
      value: {
        throttleTimeMs: 0,
        errorCode: 0,
        groups: [
          { groupId: 'processors', protocolType: 'consumer' },
          { groupId: 'offsets-only', protocolType: '' },
        ],
      },
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        errorCode: 0,
        groups: [
          { groupId: 'processors', protocolType: 'consumer' },
          { groupId: 'offsets-only', protocolType: '' },
        ],
      },
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        errorCode: k.errorCode,
        groups: k.groups,
      }),
      fixture: new URL('./fixtures/v2-response.hex', import.meta.url),
    }));
});
