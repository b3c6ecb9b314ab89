/**
 * Metadata v4 codec.
 *
 * Metadata Request (Version: 4) => [topics] allow_auto_topic_creation
 *   topics => name                        (null array = all topics, empty = none)
 *     name => STRING
 *   allow_auto_topic_creation => BOOLEAN
 *
 * Metadata Response (Version: 4) => throttle_time_ms [brokers] cluster_id controller_id [topics]
 *   throttle_time_ms => INT32
 *   brokers => node_id host port rack
 *     node_id => INT32
 *     host => STRING
 *     port => INT32
 *     rack => NULLABLE_STRING
 *   cluster_id => NULLABLE_STRING
 *   controller_id => INT32
 *   topics => error_code name is_internal [partitions]
 *     error_code => INT16
 *     name => STRING
 *     is_internal => BOOLEAN
 *     partitions => error_code partition_index leader_id [replica_nodes] [isr_nodes]
 *       error_code => INT16
 *       partition_index => INT32
 *       leader_id => INT32
 *       replica_nodes => INT32
 *       isr_nodes => INT32
 */
import type { Reader } from '../../protocol/reader.ts';
import type { Writer } from '../../protocol/writer.ts';

export interface MetadataRequestV4 {
  readonly topics: readonly string[] | null;
  readonly allowAutoTopicCreation: boolean;
}

export interface MetadataBroker {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

export interface MetadataPartition {
  readonly errorCode: number;
  readonly partitionIndex: number;
  readonly leaderId: number;
  readonly replicaNodes: readonly number[];
  readonly isrNodes: readonly number[];
}

export interface MetadataTopic {
  readonly errorCode: number;
  readonly name: string;
  readonly isInternal: boolean;
  readonly partitions: readonly MetadataPartition[];
}

export interface MetadataResponseV4 {
  readonly throttleTimeMs: number;
  readonly brokers: readonly MetadataBroker[];
  readonly clusterId: string | null;
  readonly controllerId: number;
  readonly topics: readonly MetadataTopic[];
}

export function decodeMetadataRequestV4(reader: Reader): MetadataRequestV4 {
  const topics = reader.nullableArray((r) => r.string());
  const allowAutoTopicCreation = reader.bool();
  return { topics, allowAutoTopicCreation };
}

export function encodeMetadataResponseV4(writer: Writer, response: MetadataResponseV4): void {
  writer.int32(response.throttleTimeMs);
  writer.array(response.brokers, (w, broker) => {
    w.int32(broker.nodeId).string(broker.host).int32(broker.port).nullableString(broker.rack);
  });
  writer.nullableString(response.clusterId).int32(response.controllerId);
  writer.array(response.topics, (w, topic) => {
    w.int16(topic.errorCode).string(topic.name).bool(topic.isInternal);
    w.array(topic.partitions, (pw, partition) => {
      pw.int16(partition.errorCode).int32(partition.partitionIndex).int32(partition.leaderId);
      pw.array(partition.replicaNodes, (nw, node) => nw.int32(node));
      pw.array(partition.isrNodes, (nw, node) => nw.int32(node));
    });
  });
}
