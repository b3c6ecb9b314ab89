/**
 * ListGroups (key 16), version 2. Every group, including Empty ones that only hold offsets (a
 * simple commit creates such a group, with protocol type "").
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import { decodeListGroupsRequestV2, encodeListGroupsResponseV2 } from './v2.ts';

export const listGroupsApi: ApiDefinition = {
  key: ApiKey.ListGroups,
  name: 'ListGroups',
  versions: {
    2: serveVersion({
      decode: decodeListGroupsRequestV2,
      encode: encodeListGroupsResponseV2,
      handle: (_request, { cluster }) => ({
        throttleTimeMs: 0,
        errorCode: ErrorCode.NONE,
        groups: [...cluster.groups.all()].map((g) => ({ groupId: g.id, protocolType: g.protocolType ?? '' })),
      }),
      fail: (_request, code) => ({ throttleTimeMs: 0, errorCode: code, groups: [] }),
    }),
  },
};
