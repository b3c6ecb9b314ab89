/**
 * OffsetCommit v5 codec.
 *
 * OffsetCommit Request (Version: 5) => group_id generation_id member_id [topics]
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index committed_offset committed_metadata
 *       partition_index => INT32
 *       committed_offset => INT64
 *       committed_metadata => NULLABLE_STRING
 *
 * OffsetCommit Response (Version: 5) => throttle_time_ms [topics]
 *   throttle_time_ms => INT32
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index error_code
 *       partition_index => INT32
 *       error_code => INT16
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface OffsetCommitPartition {
  readonly partitionIndex: number;
  readonly committedOffset: number;
  readonly committedMetadata: string | null;
}

export interface OffsetCommitRequestV5 {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly topics: readonly {
    readonly name: string;
    readonly partitions: readonly OffsetCommitPartition[];
  }[];
}

export interface OffsetCommitResponseV5 {
  readonly throttleTimeMs: number;
  readonly topics: readonly {
    readonly name: string;
    readonly partitions: readonly { readonly partitionIndex: number; readonly errorCode: number }[];
  }[];
}

export function decodeOffsetCommitRequestV5(reader: Reader): OffsetCommitRequestV5 {
  const groupId = reader.string();
  const generationId = reader.int32();
  const memberId = reader.string();
  const topics = reader.array((r) => ({
    name: r.string(),
    partitions: r.array((p) => ({
      partitionIndex: p.int32(),
      committedOffset: p.int64(),
      committedMetadata: p.nullableString(),
    })),
  }));
  return { groupId, generationId, memberId, topics };
}

export function encodeOffsetCommitResponseV5(writer: Writer, response: OffsetCommitResponseV5): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.topics, (w, topic) => {
    w.string(topic.name);
    w.array(topic.partitions, (pw, p) => pw.int32(p.partitionIndex).int16(p.errorCode));
  });
}
