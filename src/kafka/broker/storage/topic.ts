import { PartitionLog, type Retention } from './partition-log.ts';

/** A topic: its partitions, each a separate log, and the retention they share. */
export class Topic {
  readonly partitions: readonly PartitionLog[];

  constructor(
    readonly name: string,
    partitionCount: number,
    readonly retention: Retention,
  ) {
    this.partitions = Array.from({ length: partitionCount }, () => new PartitionLog(retention));
  }

  partition(index: number): PartitionLog | undefined {
    return this.partitions[index];
  }

  /** Wakes every fetch waiting on this topic (it is being deleted: they must answer now). */
  wakeAll(): void {
    for (const partition of this.partitions) for (const wake of partition.watchers) wake();
  }
}
