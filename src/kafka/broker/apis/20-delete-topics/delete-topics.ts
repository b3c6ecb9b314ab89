/**
 * DeleteTopics (key 20), version 1. Deletes at once: the topic's batches, its idempotence state
 * and the groups' committed offsets for it go, and fetches parked on it answer
 * UNKNOWN_TOPIC_OR_PARTITION. An unknown name → UNKNOWN_TOPIC_OR_PARTITION (3).
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import { decodeDeleteTopicsRequestV1, encodeDeleteTopicsResponseV1 } from './v1.ts';

function remove(name: string, cluster: Cluster): number {
  if (!cluster.topics.delete(name)) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  cluster.groups.forgetTopic(name);
  cluster.log.info('topic deleted', { topic: name });
  return ErrorCode.NONE;
}

export const deleteTopicsApi: ApiDefinition = {
  key: ApiKey.DeleteTopics,
  name: 'DeleteTopics',
  versions: {
    1: serveVersion({
      decode: decodeDeleteTopicsRequestV1,
      encode: encodeDeleteTopicsResponseV1,
      handle: (request, { cluster }) => ({
        throttleTimeMs: 0,
        responses: request.topicNames.map((name) => ({ name, errorCode: remove(name, cluster) })),
      }),
      fail: (request, code) => ({
        throttleTimeMs: 0,
        responses: request.topicNames.map((name) => ({ name, errorCode: code })),
      }),
    }),
  },
};
