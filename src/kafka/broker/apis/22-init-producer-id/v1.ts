/**
 * InitProducerId v1 codec.
 *
 * InitProducerId Request (Version: 1) => transactional_id transaction_timeout_ms
 *   transactional_id => NULLABLE_STRING
 *   transaction_timeout_ms => INT32
 *
 * InitProducerId Response (Version: 1) => throttle_time_ms error_code producer_id producer_epoch
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   producer_id => INT64
 *   producer_epoch => INT16
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface InitProducerIdRequestV1 {
  readonly transactionalId: string | null;
  readonly transactionTimeoutMs: number;
}

export interface InitProducerIdResponseV1 {
  readonly throttleTimeMs: number;
  readonly errorCode: number;
  readonly producerId: number;
  readonly producerEpoch: number;
}

export function decodeInitProducerIdRequestV1(reader: Reader): InitProducerIdRequestV1 {
  const transactionalId = reader.nullableString();
  const transactionTimeoutMs = reader.int32();
  return { transactionalId, transactionTimeoutMs };
}

export function encodeInitProducerIdResponseV1(writer: Writer, response: InitProducerIdResponseV1): void {
  writer.int32(response.throttleTimeMs).int16(response.errorCode);
  writer.int64(response.producerId).int16(response.producerEpoch);
}
