/**
 * Produce (key 0), version 7.
 *
 * Per partition: validate every batch (complete, at most `message.max.bytes`, magic 2, CRC-32C,
 * not transactional), apply the idempotent-producer sequence check, stamp the base offset and
 * append, which wakes waiting fetches. Answers the first batch's base offset; a retried duplicate
 * gets its original offset and is not appended twice. Unknown topic or partition →
 * UNKNOWN_TOPIC_OR_PARTITION (3): kafkajs then refreshes metadata, which auto-creates the topic.
 * With acks=0 nothing is answered at all, but the request is still applied in order.
 */
import { type ApiDefinition, NO_RESPONSE, type Reply, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode, errorName } from '../../protocol/error-code.ts';
import { validateBatches } from '../../storage/validate-batches.ts';
import {
  decodeProduceRequestV7,
  encodeProduceResponseV7,
  type ProducePartitionData,
  type ProducePartitionResponse,
  type ProduceRequestV7,
  type ProduceResponseV7,
} from './v7.ts';

const EMPTY = Buffer.alloc(0);

function handle(request: ProduceRequestV7, cluster: Cluster): Reply<ProduceResponseV7> {
  const now = Date.now();
  const responses = request.topicData.map((topic) => ({
    name: topic.name,
    partitionResponses: topic.partitionData.map((data) => append(cluster, topic.name, data, now)),
  }));
  return request.acks === 0 ? NO_RESPONSE : { responses, throttleTimeMs: 0 };
}

function append(cluster: Cluster, topicName: string, data: ProducePartitionData, now: number) {
  const partition = cluster.topics.get(topicName)?.partition(data.index);
  if (!partition) return failed(data.index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  const validated = validateBatches(data.records ?? EMPTY, cluster.options.maxMessageBytes);
  if (!validated.ok) {
    cluster.log.warn('produce rejected', {
      topic: topicName,
      partition: data.index,
      error: errorName(validated.error),
      reason: validated.reason,
    });
    return failed(data.index, validated.error);
  }
  let firstOffset = -1;
  for (const batch of validated.batches) {
    const check = partition.producers.check(batch.header);
    if (check.kind === 'error') {
      cluster.log.warn('produce rejected', {
        topic: topicName,
        partition: data.index,
        error: errorName(check.error),
        reason: check.reason,
      });
      return failed(data.index, check.error);
    }
    if (check.kind === 'duplicate') {
      cluster.log.debug('retried batch acknowledged without appending', {
        topic: topicName,
        partition: data.index,
        producerId: batch.header.producerId,
        baseSequence: batch.header.baseSequence,
        baseOffset: check.baseOffset,
      });
    }
    const baseOffset =
      check.kind === 'duplicate' ? check.baseOffset : partition.append(batch.buffer, batch.header, now);
    if (check.kind === 'append') partition.producers.appended(batch.header, baseOffset);
    if (firstOffset < 0) firstOffset = baseOffset;
  }
  return {
    index: data.index,
    errorCode: ErrorCode.NONE,
    baseOffset: firstOffset,
    logAppendTimeMs: -1,
    logStartOffset: partition.logStartOffset,
  };
}

function failed(index: number, errorCode: number): ProducePartitionResponse {
  return { index, errorCode, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1 };
}

export const produceApi: ApiDefinition = {
  key: ApiKey.Produce,
  name: 'Produce',
  versions: {
    7: serveVersion({
      decode: decodeProduceRequestV7,
      encode: encodeProduceResponseV7,
      handle: (request, context) => handle(request, context.cluster),
      fail: (request, code) =>
        request.acks === 0
          ? NO_RESPONSE
          : {
              responses: request.topicData.map((topic) => ({
                name: topic.name,
                partitionResponses: topic.partitionData.map((data) => failed(data.index, code)),
              })),
              throttleTimeMs: 0,
            },
    }),
  },
};
