/**
 * SyncGroup v3 codec. Assignments are opaque bytes: the broker never decodes them.
 *
 * SyncGroup Request (Version: 3) => group_id generation_id member_id group_instance_id [assignments]
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   group_instance_id => NULLABLE_STRING
 *   assignments => member_id assignment    (only the leader sends them)
 *     member_id => STRING
 *     assignment => BYTES
 *
 * SyncGroup Response (Version: 3) => throttle_time_ms error_code assignment
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   assignment => BYTES
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface SyncGroupRequestV3 {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly assignments: readonly { readonly memberId: string; readonly assignment: Buffer }[];
}

export interface SyncGroupResponseV3 {
  readonly throttleTimeMs: number;
  readonly errorCode: number;
  readonly assignment: Buffer;
}

export function decodeSyncGroupRequestV3(reader: Reader): SyncGroupRequestV3 {
  const groupId = reader.string();
  const generationId = reader.int32();
  const memberId = reader.string();
  const groupInstanceId = reader.nullableString();
  const assignments = reader.array((r) => ({ memberId: r.string(), assignment: r.bytes() }));
  return { groupId, generationId, memberId, groupInstanceId, assignments };
}

export function encodeSyncGroupResponseV3(writer: Writer, response: SyncGroupResponseV3): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode).bytes(response.assignment);
}
