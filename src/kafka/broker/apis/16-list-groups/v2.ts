/**
 * ListGroups v2 codec.
 *
 * ListGroups Request (Version: 2) =>
 *
 * ListGroups Response (Version: 2) => throttle_time_ms error_code [groups]
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   groups => group_id protocol_type
 *     group_id => STRING
 *     protocol_type => STRING
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export type ListGroupsRequestV2 = Record<string, never>;

export interface ListGroupsResponseV2 {
  readonly throttleTimeMs: number;
  readonly errorCode: number;
  readonly groups: readonly { readonly groupId: string; readonly protocolType: string }[];
}

export function decodeListGroupsRequestV2(_reader: Reader): ListGroupsRequestV2 {
  return {};
}

export function encodeListGroupsResponseV2(writer: Writer, response: ListGroupsResponseV2): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode);
  writer.array(response.groups, (w, g) => w.string(g.groupId).string(g.protocolType));
}
