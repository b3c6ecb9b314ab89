/**
 * CreateTopics v3 codec.
 *
 * CreateTopics Request (Version: 3) => [topics] timeout_ms validate_only
 *   topics => name num_partitions replication_factor [assignments] [configs]
 *     name => STRING
 *     num_partitions => INT32               (-1 = broker default)
 *     replication_factor => INT16           (-1 = broker default)
 *     assignments => partition_index [broker_ids]
 *       partition_index => INT32
 *       broker_ids => INT32
 *     configs => name value
 *       name => STRING
 *       value => NULLABLE_STRING
 *   timeout_ms => INT32
 *   validate_only => BOOLEAN
 *
 * CreateTopics Response (Version: 3) => throttle_time_ms [topics]
 *   throttle_time_ms => INT32
 *   topics => name error_code error_message
 *     name => STRING
 *     error_code => INT16
 *     error_message => NULLABLE_STRING
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface CreatableTopic {
  readonly name: string;
  readonly numPartitions: number;
  readonly replicationFactor: number;
  readonly assignments: readonly { readonly partitionIndex: number; readonly brokerIds: readonly number[] }[];
  readonly configs: readonly { readonly name: string; readonly value: string | null }[];
}

export interface CreateTopicsRequestV3 {
  readonly topics: readonly CreatableTopic[];
  readonly timeoutMs: number;
  readonly validateOnly: boolean;
}

export interface CreateTopicsResult {
  readonly name: string;
  readonly errorCode: number;
  readonly errorMessage: string | null;
}

export interface CreateTopicsResponseV3 {
  readonly throttleTimeMs: number;
  readonly topics: readonly CreateTopicsResult[];
}

export function decodeCreateTopicsRequestV3(reader: Reader): CreateTopicsRequestV3 {
  const topics = reader.array((r) => ({
    name: r.string(),
    numPartitions: r.int32(),
    replicationFactor: r.int16(),
    assignments: r.array((a) => ({ partitionIndex: a.int32(), brokerIds: a.array((b) => b.int32()) })),
    configs: r.array((c) => ({ name: c.string(), value: c.nullableString() })),
  }));
  const timeoutMs = reader.int32();
  const validateOnly = reader.bool();
  return { topics, timeoutMs, validateOnly };
}

export function encodeCreateTopicsResponseV3(writer: Writer, response: CreateTopicsResponseV3): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.topics, (w, t) => w.string(t.name).int16(t.errorCode).nullableString(t.errorMessage));
}
