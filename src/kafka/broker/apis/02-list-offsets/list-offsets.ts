/**
 * ListOffsets (key 2), version 2.
 *
 * Timestamp -1 → the high watermark (the last stable offset too: there are no transactions);
 * -2 → the log start offset; both with timestamp -1. Any other timestamp → the first batch whose
 * newest record is at or after it, answered with that batch's base offset and first timestamp
 * (batch-granular: a consumer seeking there may see a few earlier records of the same batch).
 * Nothing that recent → offset -1, timestamp -1. Unknown partition → UNKNOWN_TOPIC_OR_PARTITION.
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import {
  decodeListOffsetsRequestV2,
  encodeListOffsetsResponseV2,
  type ListOffsetsPartitionResponse,
  type ListOffsetsRequestV2,
  type ListOffsetsResponseV2,
} from './v2.ts';

const LATEST = -1;
const EARLIEST = -2;

function handle(request: ListOffsetsRequestV2, cluster: Cluster): ListOffsetsResponseV2 {
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map(({ partitionIndex, timestamp }) => {
        const log = cluster.topics.get(topic.name)?.partition(partitionIndex);
        if (!log) return answer(partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1, -1);
        if (timestamp === LATEST) return answer(partitionIndex, ErrorCode.NONE, -1, log.highWatermark);
        if (timestamp === EARLIEST) return answer(partitionIndex, ErrorCode.NONE, -1, log.logStartOffset);
        const batch = log.findByTimestamp(timestamp);
        return batch
          ? answer(partitionIndex, ErrorCode.NONE, batch.firstTimestamp, batch.baseOffset)
          : answer(partitionIndex, ErrorCode.NONE, -1, -1);
      }),
    })),
  };
}

function answer(
  partitionIndex: number,
  errorCode: number,
  timestamp: number,
  offset: number,
): ListOffsetsPartitionResponse {
  return { partitionIndex, errorCode, timestamp, offset };
}

export const listOffsetsApi: ApiDefinition = {
  key: ApiKey.ListOffsets,
  name: 'ListOffsets',
  versions: {
    2: serveVersion({
      decode: decodeListOffsetsRequestV2,
      encode: encodeListOffsetsResponseV2,
      handle: (request, context) => handle(request, context.cluster),
      fail: (request, code) => ({
        throttleTimeMs: 0,
        topics: request.topics.map((topic) => ({
          name: topic.name,
          partitions: topic.partitions.map((p) => answer(p.partitionIndex, code, -1, -1)),
        })),
      }),
    }),
  },
};
