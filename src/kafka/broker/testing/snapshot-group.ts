import type { GroupCoordinator } from '../group/group-coordinator.ts';
import type { GroupState } from '../group/group-state.ts';

/** A consumer group as a test sees it: enough to wait for "Stable with 3 members". */
export interface GroupSnapshot {
  readonly state: GroupState;
  readonly generation: number;
  readonly protocol: string | null;
  readonly leader: string | null;
  readonly members: readonly { readonly memberId: string; readonly clientId: string }[];
  readonly offsets: Readonly<Record<string, Readonly<Record<number, number>>>>;
}

export function snapshotGroup(groups: GroupCoordinator, groupId: string): GroupSnapshot | undefined {
  const group = groups.get(groupId);
  if (!group) return undefined;
  const offsets: Record<string, Record<number, number>> = {};
  for (const [topic, partitions] of group.offsets) {
    offsets[topic] = Object.fromEntries([...partitions].map(([p, committed]) => [p, committed.offset]));
  }
  return {
    state: group.state,
    generation: group.generation,
    protocol: group.protocol,
    leader: group.leaderId,
    members: [...group.members.values()].map((m) => ({ memberId: m.id, clientId: m.clientId })),
    offsets,
  };
}
