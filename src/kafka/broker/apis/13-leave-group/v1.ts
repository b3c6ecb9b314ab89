/**
 * LeaveGroup v1 codec.
 *
 * LeaveGroup Request (Version: 1) => group_id member_id
 *   group_id => STRING
 *   member_id => STRING
 *
 * LeaveGroup Response (Version: 1) => throttle_time_ms error_code
 *   throttle_time_ms => INT32
 *   error_code => INT16
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface LeaveGroupRequestV1 {
  readonly groupId: string;
  readonly memberId: string;
}

export interface LeaveGroupResponseV1 {
  readonly throttleTimeMs: number;
  readonly errorCode: number;
}

export function decodeLeaveGroupRequestV1(reader: Reader): LeaveGroupRequestV1 {
  const groupId = reader.string();
  const memberId = reader.string();
  return { groupId, memberId };
}

export function encodeLeaveGroupResponseV1(writer: Writer, response: LeaveGroupResponseV1): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode);
}
