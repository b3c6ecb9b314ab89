/**
 * CreateTopics (key 19), version 3. Creation is synchronous, so kafkajs' waitForLeaders sees the
 * leaders on its first Metadata poll.
 *
 * Errors per topic: illegal name → INVALID_TOPIC_EXCEPTION (17); exists → TOPIC_ALREADY_EXISTS (36)
 * (kafkajs' createTopics then resolves false); partitions < 1 other than -1 → INVALID_PARTITIONS
 * (37); replication factor other than -1 or 1 → INVALID_REPLICATION_FACTOR (38); a bad
 * retention.ms / retention.bytes value → INVALID_CONFIG (40); a name listed twice → INVALID_REQUEST
 * (42). Those two configs set the topic's retention; other configs are accepted and ignored.
 * Explicit replica assignments give the partition count. validate_only checks without creating.
 */
import { type ApiDefinition, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import type { Retention } from '../../storage/partition-log.ts';
import {
  type CreatableTopic,
  type CreateTopicsRequestV3,
  type CreateTopicsResponseV3,
  type CreateTopicsResult,
  decodeCreateTopicsRequestV3,
  encodeCreateTopicsResponseV3,
} from './v3.ts';

function handle(request: CreateTopicsRequestV3, cluster: Cluster): CreateTopicsResponseV3 {
  const counts = new Map<string, number>();
  for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) =>
      (counts.get(topic.name) ?? 0) > 1
        ? result(topic.name, ErrorCode.INVALID_REQUEST, `topic '${topic.name}' listed more than once`)
        : create(topic, request.validateOnly, cluster),
    ),
  };
}

function create(topic: CreatableTopic, validateOnly: boolean, cluster: Cluster): CreateTopicsResult {
  if (topic.replicationFactor !== -1 && topic.replicationFactor !== 1) {
    const message = `replication factor ${topic.replicationFactor}: this broker has one node`;
    return result(topic.name, ErrorCode.INVALID_REPLICATION_FACTOR, message);
  }
  const partitions = topic.assignments.length > 0 ? topic.assignments.length : topic.numPartitions;
  const count = partitions === -1 ? cluster.options.defaultPartitions : partitions;
  const retention = retentionOf(topic);
  if (typeof retention === 'string') return result(topic.name, ErrorCode.INVALID_CONFIG, retention);
  const problem = cluster.topics.validate(topic.name, count);
  if (problem && !problem.ok) return result(topic.name, problem.error, problem.message);
  if (!validateOnly) {
    cluster.topics.create(topic.name, count, retention);
    cluster.log.info('topic created', { topic: topic.name, partitions: count });
  }
  return result(topic.name, ErrorCode.NONE, null);
}

/** retention.ms / retention.bytes from the configs, or a message naming the bad one. */
function retentionOf(topic: CreatableTopic): Partial<Retention> | string {
  const retention: { ms?: number; bytes?: number } = {};
  for (const { name, value } of topic.configs) {
    if (name !== 'retention.ms' && name !== 'retention.bytes') continue;
    const number = Number(value);
    if (value === null || !Number.isSafeInteger(number) || number < 1)
      return `${name}=${value} is not a positive integer`;
    if (name === 'retention.ms') retention.ms = number;
    else retention.bytes = number;
  }
  return retention;
}

function result(name: string, errorCode: number, errorMessage: string | null): CreateTopicsResult {
  return { name, errorCode, errorMessage };
}

export const createTopicsApi: ApiDefinition = {
  key: ApiKey.CreateTopics,
  name: 'CreateTopics',
  versions: {
    3: serveVersion({
      decode: decodeCreateTopicsRequestV3,
      encode: encodeCreateTopicsResponseV3,
      handle: (request, context) => handle(request, context.cluster),
      fail: (request, code) => ({
        throttleTimeMs: 0,
        topics: request.topics.map((t) => result(t.name, code, 'injected fault')),
      }),
    }),
  },
};
