/**
 * Metadata (key 3), version 4.
 *
 * Describes the one node (id 0, the leader of every partition and the controller, at the advertised
 * host and real port) and the requested topics: a null list means all topics, an empty list none
 * (librdkafka sends both). An unknown topic is created with the default partition count when both
 * the request and the broker allow auto-creation, as Kafka does; otherwise it gets
 * UNKNOWN_TOPIC_OR_PARTITION (3), or INVALID_TOPIC_EXCEPTION (17) for an illegal name.
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import { CLUSTER_ID, type Cluster, NODE_ID } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import type { Topic } from '../../storage/topic.ts';
import { isValidTopicName } from '../../storage/topic-name.ts';
import {
  decodeMetadataRequestV4,
  encodeMetadataResponseV4,
  type MetadataRequestV4,
  type MetadataResponseV4,
  type MetadataTopic,
} from './v4.ts';

function handle(request: MetadataRequestV4, cluster: Cluster, errorCode: number | null): MetadataResponseV4 {
  const names = request.topics ?? [...cluster.topics.all()].map((t) => t.name);
  const topics = names.map((name) =>
    errorCode === null
      ? describeTopic(cluster, name, request.allowAutoTopicCreation)
      : missing(name, errorCode),
  );
  return {
    throttleTimeMs: 0,
    brokers: [{ nodeId: NODE_ID, host: cluster.advertisedHost, port: cluster.advertisedPort, rack: null }],
    clusterId: CLUSTER_ID,
    controllerId: NODE_ID,
    topics,
  };
}

function describeTopic(cluster: Cluster, name: string, allowAutoCreate: boolean): MetadataTopic {
  let topic = cluster.topics.get(name);
  if (!topic) {
    if (!isValidTopicName(name)) return missing(name, ErrorCode.INVALID_TOPIC_EXCEPTION);
    if (!allowAutoCreate || !cluster.options.autoCreateTopics) {
      return missing(name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }
    const created = cluster.topics.create(name, cluster.options.defaultPartitions);
    if (!created.ok) return missing(name, created.error);
    cluster.log.info('topic auto-created', { topic: name, partitions: cluster.options.defaultPartitions });
    topic = created.topic;
  }
  return describeExisting(topic);
}

function describeExisting(topic: Topic): MetadataTopic {
  return {
    errorCode: ErrorCode.NONE,
    name: topic.name,
    isInternal: false,
    partitions: topic.partitions.map((_, index) => ({
      errorCode: ErrorCode.NONE,
      partitionIndex: index,
      leaderId: NODE_ID,
      replicaNodes: [NODE_ID],
      isrNodes: [NODE_ID],
    })),
  };
}

function missing(name: string, errorCode: number): MetadataTopic {
  return { errorCode, name, isInternal: false, partitions: [] };
}

export const metadataApi: ApiDefinition = {
  key: ApiKey.Metadata,
  name: 'Metadata',
  versions: {
    4: serveVersion({
      decode: decodeMetadataRequestV4,
      encode: encodeMetadataResponseV4,
      handle: (request, context) => handle(request, context.cluster, null),
      // A fault fails every requested topic but still names the broker, so clients keep its address.
      fail: (request, code, context) => handle(request, context.cluster, code),
    }),
  },
};
