/**
 * OffsetFetch v4 codec.
 *
 * OffsetFetch Request (Version: 4) => group_id [topics]
 *   group_id => STRING
 *   topics => name [partition_indexes]     (null array = every committed offset of the group)
 *     name => STRING
 *     partition_indexes => INT32
 *
 * OffsetFetch Response (Version: 4) => throttle_time_ms [topics] error_code
 *   throttle_time_ms => INT32
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index committed_offset metadata error_code
 *       partition_index => INT32
 *       committed_offset => INT64
 *       metadata => NULLABLE_STRING
 *       error_code => INT16
 *   error_code => INT16
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface OffsetFetchRequestV4 {
  readonly groupId: string;
  readonly topics: readonly { readonly name: string; readonly partitionIndexes: readonly number[] }[] | null;
}

export interface OffsetFetchPartition {
  readonly partitionIndex: number;
  readonly committedOffset: number;
  readonly metadata: string | null;
  readonly errorCode: number;
}

export interface OffsetFetchResponseV4 {
  readonly throttleTimeMs: number;
  readonly topics: readonly { readonly name: string; readonly partitions: readonly OffsetFetchPartition[] }[];
  readonly errorCode: number;
}

export function decodeOffsetFetchRequestV4(reader: Reader): OffsetFetchRequestV4 {
  const groupId = reader.string();
  const topics = reader.nullableArray((r) => ({
    name: r.string(),
    partitionIndexes: r.array((p) => p.int32()),
  }));
  return { groupId, topics };
}

export function encodeOffsetFetchResponseV4(writer: Writer, response: OffsetFetchResponseV4): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.topics, (w, topic) => {
    w.string(topic.name);
    w.array(topic.partitions, (pw, p) => {
      pw.int32(p.partitionIndex).int64(p.committedOffset).nullableString(p.metadata).int16(p.errorCode);
    });
  });
  writer.int16(response.errorCode);
}
