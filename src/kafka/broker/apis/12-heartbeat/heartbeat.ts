/**
 * Heartbeat (key 12), version 3.
 *
 * Unknown group or member → UNKNOWN_MEMBER_ID (25); wrong generation → ILLEGAL_GENERATION (22).
 * Otherwise the member's session deadline moves on, and the answer tells it what to do next:
 * REBALANCE_IN_PROGRESS (27) during PreparingRebalance (kafkajs commits, then rejoins with the same
 * member id), NONE in CompletingRebalance or Stable.
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import { decodeHeartbeatRequestV3, encodeHeartbeatResponseV3, type HeartbeatRequestV3 } from './v3.ts';

function heartbeat(request: HeartbeatRequestV3, cluster: Cluster): number {
  const group = cluster.groups.get(request.groupId);
  const member = group?.members.get(request.memberId);
  if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
  if (request.generationId !== group.generation) return ErrorCode.ILLEGAL_GENERATION;
  member.deadline = Date.now() + member.sessionTimeoutMs;
  return group.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
}

export const heartbeatApi: ApiDefinition = {
  key: ApiKey.Heartbeat,
  name: 'Heartbeat',
  versions: {
    3: serveVersion({
      decode: decodeHeartbeatRequestV3,
      encode: encodeHeartbeatResponseV3,
      handle: (request, context) => ({ throttleTimeMs: 0, errorCode: heartbeat(request, context.cluster) }),
      fail: (_request, code) => ({ throttleTimeMs: 0, errorCode: code }),
    }),
  },
};
