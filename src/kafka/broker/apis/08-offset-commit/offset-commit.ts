/**
 * OffsetCommit (key 8), version 5. Offsets are stored verbatim, negative ones included (kafkajs'
 * admin.resetOffsets commits -1 and -2).
 *
 * - no such group: generation -1 (a simple or admin commit) creates an Empty group holding the
 *   offsets; any other generation → ILLEGAL_GENERATION (22);
 * - a member commit (generation ≥ 0 or a member id): not a member → UNKNOWN_MEMBER_ID (25), wrong
 *   generation → ILLEGAL_GENERATION (22), CompletingRebalance → REBALANCE_IN_PROGRESS (27);
 *   accepted during PreparingRebalance with the still-current generation, because kafkajs commits
 *   right after a 27 heartbeat, before rejoining: refusing it would redeliver after every rebalance.
 *   An accepted commit also counts as a heartbeat;
 * - an anonymous commit to an existing group: only while it is Empty, else UNKNOWN_MEMBER_ID;
 * - an unknown topic or partition → UNKNOWN_TOPIC_OR_PARTITION (3) for that partition only.
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import type { CommittedOffset, Group } from '../../group/group.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import {
  decodeOffsetCommitRequestV5,
  encodeOffsetCommitResponseV5,
  type OffsetCommitRequestV5,
  type OffsetCommitResponseV5,
} from './v5.ts';

/** The error for the whole request, or the group to store into. */
function admit(request: OffsetCommitRequestV5, cluster: Cluster): number | Group {
  const group = cluster.groups.get(request.groupId);
  if (request.groupId === '') return ErrorCode.INVALID_GROUP_ID;
  if (!group) {
    return request.generationId < 0
      ? cluster.groups.getOrCreate(request.groupId)
      : ErrorCode.ILLEGAL_GENERATION;
  }
  if (request.generationId < 0 && request.memberId === '') {
    return group.state === 'Empty' ? group : ErrorCode.UNKNOWN_MEMBER_ID;
  }
  const member = group.members.get(request.memberId);
  if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
  if (request.generationId !== group.generation) return ErrorCode.ILLEGAL_GENERATION;
  if (group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
  member.deadline = Date.now() + member.sessionTimeoutMs;
  return group;
}

function handle(request: OffsetCommitRequestV5, cluster: Cluster): OffsetCommitResponseV5 {
  const admitted = admit(request, cluster);
  if (typeof admitted === 'number') return everywhere(request, admitted);
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => {
      const known = cluster.topics.get(topic.name);
      let stored = admitted.offsets.get(topic.name);
      return {
        name: topic.name,
        partitions: topic.partitions.map((p) => {
          if (!known?.partition(p.partitionIndex)) {
            return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
          }
          if (!stored) {
            stored = new Map<number, CommittedOffset>();
            admitted.offsets.set(topic.name, stored);
          }
          stored.set(p.partitionIndex, { offset: p.committedOffset, metadata: p.committedMetadata ?? '' });
          return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.NONE };
        }),
      };
    }),
  };
}

function everywhere(request: OffsetCommitRequestV5, errorCode: number): OffsetCommitResponseV5 {
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })),
    })),
  };
}

export const offsetCommitApi: ApiDefinition = {
  key: ApiKey.OffsetCommit,
  name: 'OffsetCommit',
  versions: {
    5: serveVersion({
      decode: decodeOffsetCommitRequestV5,
      encode: encodeOffsetCommitResponseV5,
      handle: (request, context) => handle(request, context.cluster),
      fail: everywhere,
    }),
  },
};
