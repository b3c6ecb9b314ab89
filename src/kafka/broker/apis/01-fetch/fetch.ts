/**
 * Fetch (key 1), version 11. No fetch sessions (KIP-227): session id 0, every fetch is full.
 *
 * Per requested partition: unknown → UNKNOWN_TOPIC_OR_PARTITION (3); offset outside
 * [log start, high watermark] → OFFSET_OUT_OF_RANGE (1), and the client resets; otherwise whole
 * batches from the one holding the offset. The first batch of the response goes out whole even when
 * larger than the limits (KIP-74), after that partition_max_bytes and max_bytes bound the answer.
 * Kafka semantics for waiting: with fewer than max(min_bytes, 1) bytes and no errors, the request
 * parks until an append to one of its partitions (or a topic deletion) brings enough, or max_wait_ms
 * passes; it is released at once when its connection closes.
 */
import { type ApiDefinition, type MaybePromise, serveVersion } from '../../api-definition.ts';
import type { Cluster } from '../../cluster.ts';
import { ApiKey } from '../../protocol/api-key.ts';
import { ErrorCode } from '../../protocol/error-code.ts';
import type { RequestContext } from '../../request-context.ts';
import type { PartitionLog } from '../../storage/partition-log.ts';
import {
  decodeFetchRequestV11,
  encodeFetchResponseV11,
  type FetchPartitionRequest,
  type FetchPartitionResponse,
  type FetchRequestV11,
  type FetchResponseV11,
} from './v11.ts';

interface Collected {
  readonly response: FetchResponseV11;
  readonly bytes: number;
  readonly hasError: boolean;
}

function collect(request: FetchRequestV11, cluster: Cluster): Collected {
  let bytes = 0;
  let hasError = false;
  const responses = request.topics.map(({ topic, partitions }) => {
    const found = cluster.topics.get(topic);
    return {
      topic,
      partitions: partitions.map((wanted) => {
        const log = found?.partition(wanted.partition);
        const answer = log
          ? read(log, wanted, Math.max(request.maxBytes - bytes, 0), bytes === 0)
          : failed(wanted.partition, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        if (answer.errorCode !== ErrorCode.NONE) hasError = true;
        for (const batch of answer.records) bytes += batch.length;
        return answer;
      }),
    };
  });
  return {
    response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses },
    bytes,
    hasError,
  };
}

function read(log: PartitionLog, wanted: FetchPartitionRequest, budget: number, nothingYet: boolean) {
  const inRange = wanted.fetchOffset >= log.logStartOffset && wanted.fetchOffset <= log.highWatermark;
  const { batches } = inRange
    ? log.read(wanted.fetchOffset, Math.min(wanted.partitionMaxBytes, budget), nothingYet ? Infinity : budget)
    : { batches: [] };
  return {
    partitionIndex: wanted.partition,
    errorCode: inRange ? ErrorCode.NONE : ErrorCode.OFFSET_OUT_OF_RANGE,
    highWatermark: log.highWatermark,
    lastStableOffset: log.highWatermark,
    logStartOffset: log.logStartOffset,
    abortedTransactions: [],
    preferredReadReplica: -1,
    records: batches,
  };
}

function failed(partitionIndex: number, errorCode: number): FetchPartitionResponse {
  return {
    partitionIndex,
    errorCode,
    highWatermark: -1,
    lastStableOffset: -1,
    logStartOffset: -1,
    abortedTransactions: [],
    preferredReadReplica: -1,
    records: [],
  };
}

function handle(request: FetchRequestV11, context: RequestContext): MaybePromise<FetchResponseV11> {
  const { cluster, signal } = context;
  const enough = Math.max(request.minBytes, 1);
  const first = collect(request, cluster);
  if (first.bytes >= enough || first.hasError || request.maxWaitMs <= 0 || signal.aborted)
    return first.response;
  const logs: PartitionLog[] = [];
  for (const { topic, partitions } of request.topics) {
    for (const { partition } of partitions) {
      const log = cluster.topics.get(topic)?.partition(partition);
      if (log) logs.push(log);
    }
  }
  return new Promise((resolve) => {
    let recheckQueued = false;
    const finish = (response: FetchResponseV11) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      for (const log of logs) log.watchers.delete(recheck);
      resolve(response);
    };
    // One append can touch many partitions of this fetch; re-check once, after the whole request.
    const recheck = () => {
      if (recheckQueued) return;
      recheckQueued = true;
      queueMicrotask(() => {
        recheckQueued = false;
        const now = collect(request, cluster);
        if (now.bytes >= enough || now.hasError) finish(now.response);
      });
    };
    const onAbort = () => finish(first.response);
    const timer = setTimeout(() => finish(collect(request, cluster).response), request.maxWaitMs);
    signal.addEventListener('abort', onAbort);
    for (const log of logs) log.watchers.add(recheck);
  });
}

export const fetchApi: ApiDefinition = {
  key: ApiKey.Fetch,
  name: 'Fetch',
  versions: {
    11: serveVersion({
      decode: decodeFetchRequestV11,
      encode: encodeFetchResponseV11,
      handle,
      fail: (request, code) => ({
        throttleTimeMs: 0,
        errorCode: ErrorCode.NONE,
        sessionId: 0,
        responses: request.topics.map(({ topic, partitions }) => ({
          topic,
          partitions: partitions.map((p) => failed(p.partition, code)),
        })),
      }),
    }),
  },
};
