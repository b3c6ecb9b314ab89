/**
 * Heartbeat v3 codec.
 *
 * Heartbeat Request (Version: 3) => group_id generation_id member_id group_instance_id
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   group_instance_id => NULLABLE_STRING
 *
 * Heartbeat Response (Version: 3) => throttle_time_ms error_code
 *   throttle_time_ms => INT32
 *   error_code => INT16
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface HeartbeatRequestV3 {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export interface HeartbeatResponseV3 {
  readonly throttleTimeMs: number;
  readonly errorCode: number;
}

export function decodeHeartbeatRequestV3(reader: Reader): HeartbeatRequestV3 {
  const groupId = reader.string();
  const generationId = reader.int32();
  const memberId = reader.string();
  const groupInstanceId = reader.nullableString();
  return { groupId, generationId, memberId, groupInstanceId };
}

export function encodeHeartbeatResponseV3(writer: Writer, response: HeartbeatResponseV3): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode);
}
