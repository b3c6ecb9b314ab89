/**
 * Produce v7 codec. `records` stays a view into the request frame: batches are validated and
 * stored without copying.
 *
 * Produce Request (Version: 7) => transactional_id acks timeout_ms [topic_data]
 *   transactional_id => NULLABLE_STRING
 *   acks => INT16
 *   timeout_ms => INT32
 *   topic_data => name [partition_data]
 *     name => STRING
 *     partition_data => index records
 *       index => INT32
 *       records => RECORDS                 (NULLABLE_BYTES holding record batches)
 *
 * Produce Response (Version: 7) => [responses] throttle_time_ms
 *   responses => name [partition_responses]
 *     name => STRING
 *     partition_responses => index error_code base_offset log_append_time_ms log_start_offset
 *       index => INT32
 *       error_code => INT16
 *       base_offset => INT64
 *       log_append_time_ms => INT64
 *       log_start_offset => INT64
 *   throttle_time_ms => INT32
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface ProducePartitionData {
  readonly index: number;
  readonly records: Buffer | null;
}

export interface ProduceRequestV7 {
  readonly transactionalId: string | null;
  readonly acks: number;
  readonly timeoutMs: number;
  readonly topicData: readonly {
    readonly name: string;
    readonly partitionData: readonly ProducePartitionData[];
  }[];
}

export interface ProducePartitionResponse {
  readonly index: number;
  readonly errorCode: number;
  readonly baseOffset: number;
  readonly logAppendTimeMs: number;
  readonly logStartOffset: number;
}

export interface ProduceResponseV7 {
  readonly responses: readonly {
    readonly name: string;
    readonly partitionResponses: readonly ProducePartitionResponse[];
  }[];
  readonly throttleTimeMs: number;
}

export function decodeProduceRequestV7(reader: Reader): ProduceRequestV7 {
  const transactionalId = reader.nullableString();
  const acks = reader.int16();
  const timeoutMs = reader.int32();
  const topicData = reader.array((r) => ({
    name: r.string(),
    partitionData: r.array((p) => ({ index: p.int32(), records: p.nullableBytes() })),
  }));
  return { transactionalId, acks, timeoutMs, topicData };
}

export function encodeProduceResponseV7(writer: Writer, response: ProduceResponseV7): void {
  writer.array(response.responses, (w, topic) => {
    w.string(topic.name);
    w.array(topic.partitionResponses, (pw, p) => {
      pw.int32(p.index)
        .int16(p.errorCode)
        .int64(p.baseOffset)
        .int64(p.logAppendTimeMs)
        .int64(p.logStartOffset);
    });
  });
  writer.int32(response.throttleTimeMs);
}
