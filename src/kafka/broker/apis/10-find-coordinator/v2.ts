/**
 * FindCoordinator v2 codec.
 *
 * FindCoordinator Request (Version: 2) => key key_type
 *   key => STRING
 *   key_type => INT8                      (0 = group, 1 = transaction)
 *
 * FindCoordinator Response (Version: 2) => throttle_time_ms error_code error_message node_id host port
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   error_message => NULLABLE_STRING
 *   node_id => INT32
 *   host => STRING
 *   port => INT32
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface FindCoordinatorRequestV2 {
  readonly key: string;
  readonly keyType: number;
}

export interface FindCoordinatorResponseV2 {
  readonly throttleTimeMs: number;
  readonly errorCode: number;
  readonly errorMessage: string | null;
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

export function decodeFindCoordinatorRequestV2(reader: Reader): FindCoordinatorRequestV2 {
  const key = reader.string();
  const keyType = reader.int8();
  return { key, keyType };
}

export function encodeFindCoordinatorResponseV2(writer: Writer, response: FindCoordinatorResponseV2): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode).nullableString(response.errorMessage);
  writer.int32(response.nodeId).string(response.host).int32(response.port);
}
