/**
 * FindCoordinator (key 10), version 2. The single node coordinates every group (and would every
 * transaction, but the transaction APIs are not advertised, so kafkajs fails fast before using it).
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import { NODE_ID } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import { decodeFindCoordinatorRequestV2, encodeFindCoordinatorResponseV2 } from './v2.ts';

export const findCoordinatorApi: ApiDefinition = {
  key: ApiKey.FindCoordinator,
  name: 'FindCoordinator',
  versions: {
    2: serveVersion({
      decode: decodeFindCoordinatorRequestV2,
      encode: encodeFindCoordinatorResponseV2,
      handle: (_request, { cluster }) => ({
        throttleTimeMs: 0,
        errorCode: ErrorCode.NONE,
        errorMessage: null,
        nodeId: NODE_ID,
        host: cluster.advertisedHost,
        port: cluster.advertisedPort,
      }),
      fail: (_request, code) => ({
        throttleTimeMs: 0,
        errorCode: code,
        errorMessage: 'injected fault',
        nodeId: -1,
        host: '',
        port: -1,
      }),
    }),
  },
};
