/**
 * DeleteTopics v1 codec.
 *
 * DeleteTopics Request (Version: 1) => [topic_names] timeout_ms
 *   topic_names => STRING
 *   timeout_ms => INT32
 *
 * DeleteTopics Response (Version: 1) => throttle_time_ms [responses]
 *   throttle_time_ms => INT32
 *   responses => name error_code
 *     name => STRING
 *     error_code => INT16
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface DeleteTopicsRequestV1 {
  readonly topicNames: readonly string[];
  readonly timeoutMs: number;
}

export interface DeleteTopicsResponseV1 {
  readonly throttleTimeMs: number;
  readonly responses: readonly { readonly name: string; readonly errorCode: number }[];
}

export function decodeDeleteTopicsRequestV1(reader: Reader): DeleteTopicsRequestV1 {
  const topicNames = reader.array((r) => r.string());
  const timeoutMs = reader.int32();
  return { topicNames, timeoutMs };
}

export function encodeDeleteTopicsResponseV1(writer: Writer, response: DeleteTopicsResponseV1): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.responses, (w, r) => w.string(r.name).int16(r.errorCode));
}
