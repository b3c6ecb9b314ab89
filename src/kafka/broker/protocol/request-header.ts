/**
 * Request header v1: api_key i16, api_version i16, correlation_id i32, client_id nullable string.
 * Header v2 (flexible) appends tagged fields; the only flexible request this broker ever sees is
 * librdkafka's first ApiVersions v3, which is answered without reading its body, so those tags are
 * never parsed. Responses all use header v0 (correlation id only), which `Writer.finish` writes.
 */
import type { Reader } from './reader.ts';

export interface RequestHeader {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
}

export function readRequestHeader(reader: Reader): RequestHeader {
  const apiKey = reader.int16();
  const apiVersion = reader.int16();
  const correlationId = reader.int32();
  const clientId = reader.nullableString();
  return { apiKey, apiVersion, correlationId, clientId };
}
