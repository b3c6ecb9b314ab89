/**
 * ApiVersions v0–v2 codec (the three differ only in the throttle time, added in v1).
 *
 * ApiVersions Request (Version: 0..2) =>
 *
 * ApiVersions Response (Version: 0) => error_code [api_keys]
 *   error_code => INT16
 *   api_keys => api_key min_version max_version
 *     api_key => INT16
 *     min_version => INT16
 *     max_version => INT16
 * ApiVersions Response (Version: 1..2) => error_code [api_keys] throttle_time_ms
 *   throttle_time_ms => INT32
 */
import type { AdvertisedApi } from '../../api-registry.ts';
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export type ApiVersionsRequest = Record<string, never>;

export interface ApiVersionsResponse {
  readonly errorCode: number;
  readonly apiKeys: readonly AdvertisedApi[];
  readonly throttleTimeMs: number;
}

export function decodeApiVersionsRequest(_reader: Reader): ApiVersionsRequest {
  return {};
}

export function encodeApiVersionsResponse(
  version: number,
  writer: Writer,
  response: ApiVersionsResponse,
): void {
  writer.int16(response.errorCode);
  writer.array(response.apiKeys, (w, api) => {
    w.int16(api.apiKey).int16(api.minVersion).int16(api.maxVersion);
  });
  if (version >= 1) writer.int32(response.throttleTimeMs);
}
