/**
 * Fetch v11 codec. The records of a partition are written by reference (the stored batches
 * themselves), never copied into the response.
 *
 * Fetch Request (Version: 11) => replica_id max_wait_ms min_bytes max_bytes isolation_level
 *     session_id session_epoch [topics] [forgotten_topics_data] rack_id
 *   replica_id => INT32
 *   max_wait_ms => INT32
 *   min_bytes => INT32
 *   max_bytes => INT32
 *   isolation_level => INT8
 *   session_id => INT32
 *   session_epoch => INT32
 *   topics => topic [partitions]
 *     topic => STRING
 *     partitions => partition current_leader_epoch fetch_offset log_start_offset partition_max_bytes
 *       partition => INT32
 *       current_leader_epoch => INT32
 *       fetch_offset => INT64
 *       log_start_offset => INT64
 *       partition_max_bytes => INT32
 *   forgotten_topics_data => topic [partitions]
 *     topic => STRING
 *     partitions => INT32
 *   rack_id => STRING                     (librdkafka may send null)
 *
 * Fetch Response (Version: 11) => throttle_time_ms error_code session_id [responses]
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   session_id => INT32
 *   responses => topic [partitions]
 *     topic => STRING
 *     partitions => partition_index error_code high_watermark last_stable_offset log_start_offset
 *         [aborted_transactions] preferred_read_replica records
 *       partition_index => INT32
 *       error_code => INT16
 *       high_watermark => INT64
 *       last_stable_offset => INT64
 *       log_start_offset => INT64
 *       aborted_transactions => producer_id first_offset
 *         producer_id => INT64
 *         first_offset => INT64
 *       preferred_read_replica => INT32
 *       records => RECORDS                 (zero-length when empty: librdkafka rejects null)
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface FetchPartitionRequest {
  readonly partition: number;
  readonly currentLeaderEpoch: number;
  readonly fetchOffset: number;
  readonly logStartOffset: number;
  readonly partitionMaxBytes: number;
}

export interface FetchRequestV11 {
  readonly replicaId: number;
  readonly maxWaitMs: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  readonly isolationLevel: number;
  readonly sessionId: number;
  readonly sessionEpoch: number;
  readonly topics: readonly {
    readonly topic: string;
    readonly partitions: readonly FetchPartitionRequest[];
  }[];
  readonly forgottenTopicsData: readonly { readonly topic: string; readonly partitions: readonly number[] }[];
  readonly rackId: string | null;
}

export interface FetchPartitionResponse {
  readonly partitionIndex: number;
  readonly errorCode: number;
  readonly highWatermark: number;
  readonly lastStableOffset: number;
  readonly logStartOffset: number;
  readonly abortedTransactions: readonly { readonly producerId: number; readonly firstOffset: number }[];
  readonly preferredReadReplica: number;
  /** Whole record batches, written back to back. */
  readonly records: readonly Buffer[];
}

export interface FetchResponseV11 {
  readonly throttleTimeMs: number;
  readonly errorCode: number;
  readonly sessionId: number;
  readonly responses: readonly {
    readonly topic: string;
    readonly partitions: readonly FetchPartitionResponse[];
  }[];
}

export function decodeFetchRequestV11(reader: Reader): FetchRequestV11 {
  const replicaId = reader.int32();
  const maxWaitMs = reader.int32();
  const minBytes = reader.int32();
  const maxBytes = reader.int32();
  const isolationLevel = reader.int8();
  const sessionId = reader.int32();
  const sessionEpoch = reader.int32();
  const topics = reader.array((r) => ({
    topic: r.string(),
    partitions: r.array((p) => ({
      partition: p.int32(),
      currentLeaderEpoch: p.int32(),
      fetchOffset: p.int64(),
      logStartOffset: p.int64(),
      partitionMaxBytes: p.int32(),
    })),
  }));
  const forgottenTopicsData = reader.array((r) => ({
    topic: r.string(),
    partitions: r.array((p) => p.int32()),
  }));
  const rackId = reader.nullableString();
  return {
    replicaId,
    maxWaitMs,
    minBytes,
    maxBytes,
    isolationLevel,
    sessionId,
    sessionEpoch,
    topics,
    forgottenTopicsData,
    rackId,
  };
}

export function encodeFetchResponseV11(writer: Writer, response: FetchResponseV11): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode).int32(response.sessionId);
  writer.array(response.responses, (w, topic) => {
    w.string(topic.topic);
    w.array(topic.partitions, (pw, p) => {
      pw.int32(p.partitionIndex).int16(p.errorCode);
      pw.int64(p.highWatermark).int64(p.lastStableOffset).int64(p.logStartOffset);
      pw.array(p.abortedTransactions, (aw, t) => aw.int64(t.producerId).int64(t.firstOffset));
      pw.int32(p.preferredReadReplica);
      pw.int32(p.records.reduce((sum, batch) => sum + batch.length, 0));
      for (const batch of p.records) pw.raw(batch);
    });
  });
}
