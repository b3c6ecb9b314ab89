import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  checkResponse,
  decodeRequestFrame,
  readFixture,
} from '../../../../../test/support/golden.ts';
import { stampBaseOffset } from '../../storage/record-batch-header.ts';
import { decodeProduceRequestV7 } from '../00-produce/v7.ts';
import {
  decodeFetchRequestV11,
  encodeFetchResponseV11,
  type FetchRequestV11,
  type FetchResponseV11,
} from './v11.ts';

/** The batch kafkajs produced in the Produce golden test, as the broker stores it at offset 100. */
function storedBatch(): Buffer {
  const frame = readFixture(new URL('../00-produce/fixtures/v7-request.hex', import.meta.url));
  const records = decodeRequestFrame(frame, decodeProduceRequestV7).body.topicData[0]?.partitionData[0]
    ?.records;
  const batch = Buffer.from(records as Buffer);
  stampBaseOffset(batch, 100);
  return batch;
}

const toKafkajs = (r: FetchRequestV11) => ({
  replicaId: r.replicaId,
  maxWaitTime: r.maxWaitMs,
  minBytes: r.minBytes,
  maxBytes: r.maxBytes,
  isolationLevel: r.isolationLevel,
  sessionId: r.sessionId,
  sessionEpoch: r.sessionEpoch,
  rackId: r.rackId,
  topics: r.topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p) => ({
      partition: p.partition,
      currentLeaderEpoch: p.currentLeaderEpoch,
      fetchOffset: String(p.fetchOffset),
      logStartOffset: String(p.logStartOffset),
      maxBytes: p.partitionMaxBytes,
    })),
  })),
  forgottenTopics: r.forgottenTopicsData,
});

interface KafkajsFetch {
  throttleTime: number;
  clientSideThrottleTime: number;
  errorCode: number;
  sessionId: number;
  responses: {
    topicName: string;
    partitions: {
      partition: number;
      errorCode: number;
      highWatermark: string;
      lastStableOffset: string;
      lastStartOffset: string;
      abortedTransactions: { producerId: string; firstOffset: string }[];
      preferredReadReplica: number;
      messages: {
        offset: string;
        key: Buffer | null;
        value: Buffer | null;
        timestamp: string;
        headers: object;
      }[];
    }[];
  }[];
}

describe('Fetch v11 codec', () => {
  it('decodes the request a kafkajs consumer sends', () =>
    checkRequest({
      api: 'fetch/v11',
      apiKey: 1,
      apiVersion: 11,
      args: {
        replicaId: -1,
        maxWaitTime: 500,
        minBytes: 1,
        maxBytes: 10485760,
        isolationLevel: 1,
        topics: [
          {
            topic: 'sensor-data',
            partitions: [
              { partition: 0, fetchOffset: '4294967296', maxBytes: 1048576 },
              { partition: 1, fetchOffset: '0', maxBytes: 1048576 },
            ],
          },
        ],
      },
      decode: decodeFetchRequestV11,
      expected: {
        replicaId: -1,
        maxWaitMs: 500,
        minBytes: 1,
        maxBytes: 10485760,
        isolationLevel: 1,
        sessionId: 0,
        sessionEpoch: -1,
        topics: [
          {
            topic: 'sensor-data',
            partitions: [
              {
                partition: 0,
                currentLeaderEpoch: -1,
                fetchOffset: 4294967296,
                logStartOffset: -1,
                partitionMaxBytes: 1048576,
              },
              {
                partition: 1,
                currentLeaderEpoch: -1,
                fetchOffset: 0,
                logStartOffset: -1,
                partitionMaxBytes: 1048576,
              },
            ],
          },
        ],
        forgottenTopicsData: [],
        rackId: '',
      },
      toKafkajs,
      fixture: new URL('./fixtures/v11-request.hex', import.meta.url),
    }));

  it('encodes a response with a stored batch and an empty partition that kafkajs decodes, and back', async () => {
    const batch = storedBatch();
    const value: FetchResponseV11 = {
      throttleTimeMs: 0,
      errorCode: 0,
      sessionId: 0,
      responses: [
        {
          topic: 'sensor-data',
          partitions: [
            {
              partitionIndex: 2,
              errorCode: 0,
              highWatermark: 102,
              lastStableOffset: 102,
              logStartOffset: 40,
              abortedTransactions: [],
              preferredReadReplica: -1,
              records: [batch],
            },
            {
              partitionIndex: 3,
              errorCode: 1,
              highWatermark: 7,
              lastStableOffset: 7,
              logStartOffset: 0,
              abortedTransactions: [],
              preferredReadReplica: -1,
              records: [],
            },
          ],
        },
      ],
    };
    const message = (offset: string, key: string, value: string, timestamp: string) =>
      expect.objectContaining({ offset, key: Buffer.from(key), value: Buffer.from(value), timestamp });
    await checkResponse<FetchResponseV11, KafkajsFetch>({
      api: 'fetch/v11',
      encode: encodeFetchResponseV11,
      value,
      kafkajs: {
        throttleTime: 0,
        clientSideThrottleTime: 0,
        errorCode: 0,
        sessionId: 0,
        responses: [
          {
            topicName: 'sensor-data',
            partitions: [
              {
                partition: 2,
                errorCode: 0,
                highWatermark: '102',
                lastStableOffset: '102',
                lastStartOffset: '40',
                abortedTransactions: [],
                preferredReadReplica: -1,
                messages: [
                  message('100', 'sensor_000001', '{"v":1}', '1763791200000'),
                  message('101', 'sensor_000002', '{"v":2}', '1763791200007'),
                ],
              },
              {
                partition: 3,
                errorCode: 1,
                highWatermark: '7',
                lastStableOffset: '7',
                lastStartOffset: '0',
                abortedTransactions: [],
                preferredReadReplica: -1,
                messages: [],
              },
            ],
          },
        ],
      },
      // kafkajs keeps only decoded messages, so the round trip re-uses the stored batch for them.
      fromKafkajs: (k) => ({
        throttleTimeMs: k.clientSideThrottleTime,
        errorCode: k.errorCode,
        sessionId: k.sessionId,
        responses: k.responses.map((t) => ({
          topic: t.topicName,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p.partition,
            errorCode: p.errorCode,
            highWatermark: Number(p.highWatermark),
            lastStableOffset: Number(p.lastStableOffset),
            logStartOffset: Number(p.lastStartOffset),
            abortedTransactions: [],
            preferredReadReplica: p.preferredReadReplica,
            records: p.messages.length > 0 ? [batch] : [],
          })),
        })),
      }),
      fixture: new URL('./fixtures/v11-response.hex', import.meta.url),
    });
  });
});
