export * from './broker-logger.ts';
export * from './broker-options.ts';
export * from './faults/fault-injector.ts';
export * from './protocol/api-key.ts';
export * from './protocol/error-code.ts';
export * from './start-broker.ts';
export type { PeekedRecord } from './testing/decode-records.ts';
export type { GroupSnapshot } from './testing/snapshot-group.ts';
export type { BatchSummary } from './testing/summarize-batches.ts';
