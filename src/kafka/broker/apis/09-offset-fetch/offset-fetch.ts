/**
 * OffsetFetch (key 9), version 4. No member or generation checks (admins read offsets too).
 * A partition without a committed offset, or an unknown group, gets offset -1, metadata "" and
 * no error, as in Kafka. A null topic list returns every committed offset of the group (kafkajs
 * sends null when its list is empty).
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import {
  decodeOffsetFetchRequestV4,
  encodeOffsetFetchResponseV4,
  type OffsetFetchRequestV4,
  type OffsetFetchResponseV4,
} from './v4.ts';

function handle(request: OffsetFetchRequestV4, cluster: Cluster): OffsetFetchResponseV4 {
  const offsets = cluster.groups.get(request.groupId)?.offsets;
  const wanted =
    request.topics ??
    [...(offsets?.entries() ?? [])].map(([name, partitions]) => ({
      name,
      partitionIndexes: [...partitions.keys()],
    }));
  return {
    throttleTimeMs: 0,
    errorCode: ErrorCode.NONE,
    topics: wanted.map(({ name, partitionIndexes }) => ({
      name,
      partitions: partitionIndexes.map((partitionIndex) => {
        const committed = offsets?.get(name)?.get(partitionIndex);
        return {
          partitionIndex,
          committedOffset: committed?.offset ?? -1,
          metadata: committed?.metadata ?? '',
          errorCode: ErrorCode.NONE,
        };
      }),
    })),
  };
}

export const offsetFetchApi: ApiDefinition = {
  key: ApiKey.OffsetFetch,
  name: 'OffsetFetch',
  versions: {
    4: serveVersion({
      decode: decodeOffsetFetchRequestV4,
      encode: encodeOffsetFetchResponseV4,
      handle: (request, context) => handle(request, context.cluster),
      fail: (_request, code) => ({ throttleTimeMs: 0, topics: [], errorCode: code }),
    }),
  },
};
