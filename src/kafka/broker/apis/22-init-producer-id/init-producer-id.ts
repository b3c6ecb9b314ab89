/**
 * InitProducerId (key 22), version 1. Every call gets a fresh producer id with epoch 0, which is
 * all an idempotent (non-transactional) producer needs; Produce then checks its sequences.
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import { decodeInitProducerIdRequestV1, encodeInitProducerIdResponseV1 } from './v1.ts';

export const initProducerIdApi: ApiDefinition = {
  key: ApiKey.InitProducerId,
  name: 'InitProducerId',
  versions: {
    1: serveVersion({
      decode: decodeInitProducerIdRequestV1,
      encode: encodeInitProducerIdResponseV1,
      handle: (_request, { cluster }) => ({
        throttleTimeMs: 0,
        errorCode: ErrorCode.NONE,
        producerId: cluster.nextProducerId(),
        producerEpoch: 0,
      }),
      fail: (_request, code) => ({ throttleTimeMs: 0, errorCode: code, producerId: -1, producerEpoch: -1 }),
    }),
  },
};
