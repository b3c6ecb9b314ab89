/**
 * DescribeGroups v2 codec.
 *
 * DescribeGroups Request (Version: 2) => [groups]
 *   groups => STRING
 *
 * DescribeGroups Response (Version: 2) => throttle_time_ms [groups]
 *   throttle_time_ms => INT32
 *   groups => error_code group_id group_state protocol_type protocol_data [members]
 *     error_code => INT16
 *     group_id => STRING
 *     group_state => STRING
 *     protocol_type => STRING
 *     protocol_data => STRING
 *     members => member_id client_id client_host member_metadata member_assignment
 *       member_id => STRING
 *       client_id => STRING
 *       client_host => STRING
 *       member_metadata => BYTES
 *       member_assignment => BYTES
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface DescribeGroupsRequestV2 {
  readonly groups: readonly string[];
}

export interface DescribedMember {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  readonly memberMetadata: Buffer;
  readonly memberAssignment: Buffer;
}

export interface DescribedGroup {
  readonly errorCode: number;
  readonly groupId: string;
  readonly groupState: string;
  readonly protocolType: string;
  readonly protocolData: string;
  readonly members: readonly DescribedMember[];
}

export interface DescribeGroupsResponseV2 {
  readonly throttleTimeMs: number;
  readonly groups: readonly DescribedGroup[];
}

export function decodeDescribeGroupsRequestV2(reader: Reader): DescribeGroupsRequestV2 {
  return { groups: reader.array((r) => r.string()) };
}

export function encodeDescribeGroupsResponseV2(writer: Writer, response: DescribeGroupsResponseV2): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.groups, (w, g) => {
    w.int16(g.errorCode).string(g.groupId).string(g.groupState).string(g.protocolType).string(g.protocolData);
    w.array(g.members, (mw, m) => {
      mw.string(m.memberId).string(m.clientId).string(m.clientHost);
      mw.bytes(m.memberMetadata).bytes(m.memberAssignment);
    });
  });
}
