/**
 * JoinGroup (key 11), version 5.
 *
 * - empty group id → INVALID_GROUP_ID (24); session timeout outside the broker's bounds (Kafka's
 *   6,000–1,800,000 ms unless configured) → INVALID_SESSION_TIMEOUT (26);
 * - protocol type different from the group's, or no protocol shared with the other members →
 *   INCONSISTENT_GROUP_PROTOCOL (23);
 * - empty member id → a new id `clientId-UUID`, remembered as pending, and MEMBER_ID_REQUIRED (79)
 *   (KIP-394): both clients rejoin with it at once;
 * - a member id that is neither a member nor pending → UNKNOWN_MEMBER_ID (25);
 * - otherwise the member joins and the answer is parked until the join phase completes (every
 *   member rejoined, or the rebalance timeout); the leader's answer lists the members.
 */
import { randomUUID } from 'node:crypto';
import { type ApiDefinition, type MaybePromise, serveVersion } from '../../api-definition.ts';
import type { Group } from '../../group/group.ts';
import { EMPTY_ASSIGNMENT, type JoinOutcome, joinError, type Member } from '../../group/member.ts';
import { commonProtocols } from '../../group/select-protocol.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import type { RequestContext } from '../../request-context.ts';
import {
  decodeJoinGroupRequestV5,
  encodeJoinGroupResponseV5,
  type JoinGroupRequestV5,
  type JoinGroupResponseV5,
} from './v5.ts';

function handle(request: JoinGroupRequestV5, context: RequestContext): MaybePromise<JoinGroupResponseV5> {
  const outcome = join(request, context);
  return outcome instanceof Promise ? outcome.then(withThrottle) : withThrottle(outcome);
}

function join(request: JoinGroupRequestV5, context: RequestContext): MaybePromise<JoinOutcome> {
  const { options, groups } = context.cluster;
  if (request.groupId === '') return joinError(ErrorCode.INVALID_GROUP_ID, request.memberId);
  const timeout = request.sessionTimeoutMs;
  if (timeout < options.minSessionTimeoutMs || timeout > options.maxSessionTimeoutMs) {
    return joinError(ErrorCode.INVALID_SESSION_TIMEOUT, request.memberId);
  }
  const existing = groups.get(request.groupId);
  if (request.memberId !== '' && !existing) return joinError(ErrorCode.UNKNOWN_MEMBER_ID, request.memberId);
  const group = existing ?? groups.getOrCreate(request.groupId);
  if (!acceptsProtocols(group, request))
    return joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, request.memberId);
  if (request.memberId === '') {
    const memberId = `${context.header.clientId ?? 'client'}-${randomUUID()}`;
    group.pending.set(memberId, Date.now() + timeout);
    return joinError(ErrorCode.MEMBER_ID_REQUIRED, memberId);
  }
  let member = group.members.get(request.memberId);
  if (!member) {
    if (!group.pending.delete(request.memberId))
      return joinError(ErrorCode.UNKNOWN_MEMBER_ID, request.memberId);
    member = newMember(request, context);
  } else {
    Object.assign(member, memberFields(request, context));
  }
  return group.join(member);
}

/** Kafka's check: an empty group takes any protocol; otherwise type and one protocol must match the others. */
function acceptsProtocols(group: Group, request: JoinGroupRequestV5): boolean {
  if (request.protocolType === '' || request.protocols.length === 0) return false;
  const others = [...group.members.values()].filter((m) => m.id !== request.memberId);
  if (others.length === 0) return true;
  if (request.protocolType !== group.protocolType) return false;
  const shared = commonProtocols(others) ?? [];
  return request.protocols.some((p) => shared.includes(p.name));
}

function memberFields(request: JoinGroupRequestV5, context: RequestContext) {
  return {
    groupInstanceId: request.groupInstanceId,
    clientId: context.header.clientId ?? '',
    clientHost: context.clientHost,
    sessionTimeoutMs: request.sessionTimeoutMs,
    rebalanceTimeoutMs: request.rebalanceTimeoutMs,
    protocolType: request.protocolType,
    protocols: request.protocols.map((p) => ({ name: p.name, metadata: Buffer.from(p.metadata) })),
  };
}

function newMember(request: JoinGroupRequestV5, context: RequestContext): Member {
  return {
    id: request.memberId,
    ...memberFields(request, context),
    assignment: EMPTY_ASSIGNMENT,
    deadline: Date.now() + request.sessionTimeoutMs,
    awaitingJoin: null,
    awaitingSync: null,
  };
}

function withThrottle(outcome: JoinOutcome): JoinGroupResponseV5 {
  return { ...outcome, throttleTimeMs: 0 };
}

export const joinGroupApi: ApiDefinition = {
  key: ApiKey.JoinGroup,
  name: 'JoinGroup',
  versions: {
    5: serveVersion({
      decode: decodeJoinGroupRequestV5,
      encode: encodeJoinGroupResponseV5,
      handle,
      fail: (request, code) => withThrottle(joinError(code, request.memberId)),
    }),
  },
};
