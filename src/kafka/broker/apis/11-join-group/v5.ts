/**
 * JoinGroup v5 codec.
 *
 * JoinGroup Request (Version: 5) => group_id session_timeout_ms rebalance_timeout_ms member_id
 *     group_instance_id protocol_type [protocols]
 *   group_id => STRING
 *   session_timeout_ms => INT32
 *   rebalance_timeout_ms => INT32
 *   member_id => STRING
 *   group_instance_id => NULLABLE_STRING
 *   protocol_type => STRING
 *   protocols => name metadata
 *     name => STRING
 *     metadata => BYTES
 *
 * JoinGroup Response (Version: 5) => throttle_time_ms error_code generation_id protocol_name leader
 *     member_id [members]
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   generation_id => INT32
 *   protocol_name => STRING
 *   leader => STRING
 *   member_id => STRING
 *   members => member_id group_instance_id metadata      (only in the leader's answer)
 *     member_id => STRING
 *     group_instance_id => NULLABLE_STRING
 *     metadata => BYTES
 */
import type { JoinOutcome, ProtocolOffer } from '../../group/member.ts';
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface JoinGroupRequestV5 {
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly protocolType: string;
  readonly protocols: readonly ProtocolOffer[];
}

export type JoinGroupResponseV5 = JoinOutcome & { readonly throttleTimeMs: number };

export function decodeJoinGroupRequestV5(reader: Reader): JoinGroupRequestV5 {
  const groupId = reader.string();
  const sessionTimeoutMs = reader.int32();
  const rebalanceTimeoutMs = reader.int32();
  const memberId = reader.string();
  const groupInstanceId = reader.nullableString();
  const protocolType = reader.string();
  const protocols = reader.array((r) => ({ name: r.string(), metadata: r.bytes() }));
  return {
    groupId,
    sessionTimeoutMs,
    rebalanceTimeoutMs,
    memberId,
    groupInstanceId,
    protocolType,
    protocols,
  };
}

export function encodeJoinGroupResponseV5(writer: Writer, response: JoinGroupResponseV5): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode).int32(response.generationId);
  writer.string(response.protocolName).string(response.leader).string(response.memberId);
  writer.array(response.members, (w, m) => {
    w.string(m.memberId).nullableString(m.groupInstanceId).bytes(m.metadata);
  });
}
