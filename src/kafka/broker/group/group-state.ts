/** Kafka's classic group states, spelled exactly as DescribeGroups returns them. */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable';
