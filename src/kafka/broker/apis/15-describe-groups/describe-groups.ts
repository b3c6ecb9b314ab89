/**
 * DescribeGroups (key 15), version 2.
 *
 * Per group: state (Empty, PreparingRebalance, CompletingRebalance, Stable), protocol type and
 * members with client id and host. As in Kafka, the protocol, member metadata and assignments are
 * filled only when Stable ("" and empty bytes otherwise). An unknown group is not an error: it is
 * described as Dead with no members.
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import type { Group } from '../../group/group.ts';
import { EMPTY_ASSIGNMENT } from '../../group/member.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import { type DescribedGroup, decodeDescribeGroupsRequestV2, encodeDescribeGroupsResponseV2 } from './v2.ts';

function describe(groupId: string, group: Group | undefined): DescribedGroup {
  if (!group) return dead(groupId, ErrorCode.NONE);
  const stable = group.state === 'Stable';
  return {
    errorCode: ErrorCode.NONE,
    groupId,
    groupState: group.state,
    protocolType: group.protocolType ?? '',
    protocolData: stable ? (group.protocol ?? '') : '',
    members: [...group.members.values()].map((m) => ({
      memberId: m.id,
      clientId: m.clientId,
      clientHost: m.clientHost,
      memberMetadata: stable
        ? (m.protocols.find((p) => p.name === group.protocol)?.metadata ?? EMPTY_ASSIGNMENT)
        : EMPTY_ASSIGNMENT,
      memberAssignment: stable ? m.assignment : EMPTY_ASSIGNMENT,
    })),
  };
}

function dead(groupId: string, errorCode: number): DescribedGroup {
  return { errorCode, groupId, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
}

export const describeGroupsApi: ApiDefinition = {
  key: ApiKey.DescribeGroups,
  name: 'DescribeGroups',
  versions: {
    2: serveVersion({
      decode: decodeDescribeGroupsRequestV2,
      encode: encodeDescribeGroupsResponseV2,
      handle: (request, { cluster }) => ({
        throttleTimeMs: 0,
        groups: request.groups.map((id) => describe(id, cluster.groups.get(id))),
      }),
      fail: (request, code) => ({ throttleTimeMs: 0, groups: request.groups.map((id) => dead(id, code)) }),
    }),
  },
};
