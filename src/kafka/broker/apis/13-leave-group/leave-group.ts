/**
 * LeaveGroup (key 13), version 1.
 *
 * Unknown group or member → UNKNOWN_MEMBER_ID (25). Otherwise the member goes at once (no waiting
 * for its session timeout) and the others rebalance; the last one leaving makes the group Empty
 * with a new generation. A pending member id (handed out with MEMBER_ID_REQUIRED) is just forgotten.
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import { decodeLeaveGroupRequestV1, encodeLeaveGroupResponseV1, type LeaveGroupRequestV1 } from './v1.ts';

function leave(request: LeaveGroupRequestV1, cluster: Cluster): number {
  const group = cluster.groups.get(request.groupId);
  if (!group) return ErrorCode.UNKNOWN_MEMBER_ID;
  if (group.pending.delete(request.memberId)) return ErrorCode.NONE;
  if (!group.members.has(request.memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
  group.remove(request.memberId, 'left the group');
  return ErrorCode.NONE;
}

export const leaveGroupApi: ApiDefinition = {
  key: ApiKey.LeaveGroup,
  name: 'LeaveGroup',
  versions: {
    1: serveVersion({
      decode: decodeLeaveGroupRequestV1,
      encode: encodeLeaveGroupResponseV1,
      handle: (request, context) => ({ throttleTimeMs: 0, errorCode: leave(request, context.cluster) }),
      fail: (_request, code) => ({ throttleTimeMs: 0, errorCode: code }),
    }),
  },
};
