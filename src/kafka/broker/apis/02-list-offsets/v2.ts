/**
 * ListOffsets v2 codec.
 *
 * ListOffsets Request (Version: 2) => replica_id isolation_level [topics]
 *   replica_id => INT32
 *   isolation_level => INT8
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index timestamp
 *       partition_index => INT32
 *       timestamp => INT64                 (-1 = latest, -2 = earliest)
 *
 * ListOffsets Response (Version: 2) => throttle_time_ms [topics]
 *   throttle_time_ms => INT32
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index error_code timestamp offset
 *       partition_index => INT32
 *       error_code => INT16
 *       timestamp => INT64
 *       offset => INT64
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface ListOffsetsRequestV2 {
  readonly replicaId: number;
  readonly isolationLevel: number;
  readonly topics: readonly {
    readonly name: string;
    readonly partitions: readonly { readonly partitionIndex: number; readonly timestamp: number }[];
  }[];
}

export interface ListOffsetsPartitionResponse {
  readonly partitionIndex: number;
  readonly errorCode: number;
  readonly timestamp: number;
  readonly offset: number;
}

export interface ListOffsetsResponseV2 {
  readonly throttleTimeMs: number;
  readonly topics: readonly {
    readonly name: string;
    readonly partitions: readonly ListOffsetsPartitionResponse[];
  }[];
}

export function decodeListOffsetsRequestV2(reader: Reader): ListOffsetsRequestV2 {
  const replicaId = reader.int32();
  const isolationLevel = reader.int8();
  const topics = reader.array((r) => ({
    name: r.string(),
    partitions: r.array((p) => ({ partitionIndex: p.int32(), timestamp: p.int64() })),
  }));
  return { replicaId, isolationLevel, topics };
}

export function encodeListOffsetsResponseV2(writer: Writer, response: ListOffsetsResponseV2): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.topics, (w, topic) => {
    w.string(topic.name);
    w.array(topic.partitions, (pw, p) => {
      pw.int32(p.partitionIndex).int16(p.errorCode).int64(p.timestamp).int64(p.offset);
    });
  });
}
