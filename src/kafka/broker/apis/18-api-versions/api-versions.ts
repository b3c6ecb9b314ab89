/**
 * ApiVersions (key 18), versions 0–2; any other version gets UNSUPPORTED_VERSION (35) in the v0
 * layout, listing what is supported.
 *
 * Lists exactly what the registry serves, each as [0, highest implemented]. kafkajs asks v2 once
 * per client; librdkafka asks v3 first on every connection, cannot parse the v0-layout answer as
 * its flexible v3, logs "Protocol parse failure" and retries with v0, which is harmless and what
 * real Kafka before 2.4 made it do too.
 */
import { type ApiDefinition, serveVersion, type VersionHandler } from '../../api-definition.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import type { RequestContext } from '../../request-context.ts';
import {
  type ApiVersionsRequest,
  type ApiVersionsResponse,
  decodeApiVersionsRequest,
  encodeApiVersionsResponse,
} from './v0-v2.ts';

function handlerFor(version: number): VersionHandler<ApiVersionsRequest, ApiVersionsResponse> {
  return {
    decode: decodeApiVersionsRequest,
    encode: (writer, response) => encodeApiVersionsResponse(version, writer, response),
    handle: (_request, context) => answer(context, ErrorCode.NONE),
    fail: (_request, code) => ({ errorCode: code, apiKeys: [], throttleTimeMs: 0 }),
  };
}

function answer(context: RequestContext, errorCode: number): ApiVersionsResponse {
  return { errorCode, apiKeys: context.cluster.registry.advertised, throttleTimeMs: 0 };
}

/** Newer (flexible) versions: the body is not read, the answer is v0-shaped with error 35. */
const unsupported: VersionHandler<ApiVersionsRequest, ApiVersionsResponse> = {
  ...handlerFor(0),
  handle: (_request, context) => {
    context.cluster.log.debug('ApiVersions version not supported, answering v0', {
      apiVersion: context.header.apiVersion,
      clientId: context.header.clientId,
    });
    return answer(context, ErrorCode.UNSUPPORTED_VERSION);
  },
};

export const apiVersionsApi: ApiDefinition = {
  key: ApiKey.ApiVersions,
  name: 'ApiVersions',
  versions: {
    0: serveVersion(handlerFor(0)),
    1: serveVersion(handlerFor(1)),
    2: serveVersion(handlerFor(2)),
  },
  otherVersions: serveVersion(unsupported),
};
