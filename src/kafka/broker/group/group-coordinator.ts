/**
 * All consumer groups of the broker. Groups are created by their first JoinGroup or by a simple
 * (generation -1) OffsetCommit and live as long as the broker; Empty groups keep their offsets.
 */
import { Group, type GroupEnvironment } from './group.ts';

export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly env: GroupEnvironment) {}

  get(groupId: string): Group | undefined {
    return this.groups.get(groupId);
  }

  getOrCreate(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new Group(groupId, this.env);
      this.groups.set(groupId, group);
    }
    return group;
  }

  all(): IterableIterator<Group> {
    return this.groups.values();
  }

  /** Session-timeout sweep, run by the broker every 100 ms. */
  sweep(now: number): void {
    for (const group of this.groups.values()) {
      if (group.members.size > 0 || group.pending.size > 0) group.expire(now);
    }
  }

  /** Drops committed offsets of a deleted topic, as Kafka does. */
  forgetTopic(topic: string): void {
    for (const group of this.groups.values()) group.offsets.delete(topic);
  }

  close(): void {
    for (const group of this.groups.values()) group.close();
  }
}
