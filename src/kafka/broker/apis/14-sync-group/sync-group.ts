/**
 * SyncGroup (key 14), version 3.
 *
 * Unknown group or member → UNKNOWN_MEMBER_ID (25); wrong generation → ILLEGAL_GENERATION (22);
 * PreparingRebalance → REBALANCE_IN_PROGRESS (27). Stable → the stored assignment at once.
 * CompletingRebalance → parked until the leader's sync arrives with everyone's assignment (a member
 * the leader left out gets zero bytes, which both clients read as "nothing assigned"); a rebalance
 * starting meanwhile answers parked syncs with 27.
 */
import { type ApiDefinition, type MaybePromise, serveVersion } from '../../api-definition.ts';
import { EMPTY_ASSIGNMENT, type SyncOutcome } from '../../group/member.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import type { RequestContext } from '../../request-context.ts';
import {
  decodeSyncGroupRequestV3,
  encodeSyncGroupResponseV3,
  type SyncGroupRequestV3,
  type SyncGroupResponseV3,
} from './v3.ts';

function sync(request: SyncGroupRequestV3, context: RequestContext): MaybePromise<SyncOutcome> {
  const group = context.cluster.groups.get(request.groupId);
  const member = group?.members.get(request.memberId);
  if (!group || !member) return failure(ErrorCode.UNKNOWN_MEMBER_ID);
  if (request.generationId !== group.generation) return failure(ErrorCode.ILLEGAL_GENERATION);
  if (group.state === 'PreparingRebalance') return failure(ErrorCode.REBALANCE_IN_PROGRESS);
  if (group.state === 'Stable') return { errorCode: ErrorCode.NONE, assignment: member.assignment };
  // Copied: the stored assignments outlive the request frame they arrived in.
  const assignments = new Map(request.assignments.map((a) => [a.memberId, Buffer.from(a.assignment)]));
  return group.sync(member, assignments);
}

function failure(errorCode: number): SyncOutcome {
  return { errorCode, assignment: EMPTY_ASSIGNMENT };
}

function withThrottle(outcome: SyncOutcome): SyncGroupResponseV3 {
  return { ...outcome, throttleTimeMs: 0 };
}

export const syncGroupApi: ApiDefinition = {
  key: ApiKey.SyncGroup,
  name: 'SyncGroup',
  versions: {
    3: serveVersion({
      decode: decodeSyncGroupRequestV3,
      encode: encodeSyncGroupResponseV3,
      handle: (request, context) => {
        const outcome = sync(request, context);
        return outcome instanceof Promise ? outcome.then(withThrottle) : withThrottle(outcome);
      },
      fail: (_request, code) => withThrottle(failure(code)),
    }),
  },
};
