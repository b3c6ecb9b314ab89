import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  checkResponse,
  decodeRequestFrame,
  kafkajsRequest,
} from '../../../../../test/support/golden.ts';
import { validateBatches } from '../../storage/validate-batches.ts';
import { decodeRecords } from '../../testing/decode-records.ts';
import {
  decodeProduceRequestV7,
  encodeProduceResponseV7,
  type ProduceRequestV7,
  type ProduceResponseV7,
} from './v7.ts';

/** An idempotent kafkajs send: two records with keys, headers and fixed timestamps. */
const PRODUCE_ARGS = {
  acks: -1,
  timeout: 30000,
  transactionalId: null,
  producerId: 1001,
  producerEpoch: 0,
  topicData: [
    {
      topic: 'sensor-data',
      partitions: [
        {
          partition: 2,
          firstSequence: 5,
          messages: [
            {
              key: 'sensor_000001',
              value: '{"v":1}',
              headers: { source: 'golden' },
              timestamp: 1763791200000,
            },
            { key: 'sensor_000002', value: '{"v":2}', headers: {}, timestamp: 1763791200007 },
          ],
        },
      ],
    },
  ],
};

/** kafkajs arguments that re-encode a decoded request (records decoded back into messages). */
function toKafkajs(request: ProduceRequestV7) {
  return {
    acks: request.acks,
    timeout: request.timeoutMs,
    transactionalId: request.transactionalId,
    producerId: 1001,
    producerEpoch: 0,
    topicData: request.topicData.map((t) => ({
      topic: t.name,
      partitions: t.partitionData.map((p) => {
        const records = p.records ?? Buffer.alloc(0);
        return {
          partition: p.index,
          firstSequence: records.readInt32BE(53),
          messages: decodeRecords(records, p.index).map((r) => ({
            key: r.key,
            value: r.value,
            headers: r.headers,
            timestamp: r.timestamp,
          })),
        };
      }),
    })),
  };
}

interface KafkajsProduce {
  topics: {
    topicName: string;
    partitions: {
      partition: number;
      errorCode: number;
      baseOffset: string;
      logAppendTime: string;
      logStartOffset: string;
    }[];
  }[];
  throttleTime: number;
  clientSideThrottleTime: number;
}

describe('Produce v7 codec', () => {
  it('decodes the idempotent request kafkajs sends, keeping the record batch intact', async () => {
    await checkRequest({
      api: 'produce/v7',
      apiKey: 0,
      apiVersion: 7,
      args: PRODUCE_ARGS,
      decode: decodeProduceRequestV7,
      expected: {
        transactionalId: null,
        acks: -1,
        timeoutMs: 30000,
        topicData: [{ name: 'sensor-data', partitionData: [{ index: 2, records: expect.any(Buffer) }] }],
      },
      toKafkajs,
      fixture: new URL('./fixtures/v7-request.hex', import.meta.url),
    });
    const frame = await kafkajsRequest('produce/v7', PRODUCE_ARGS);
    const { body } = decodeRequestFrame(frame, decodeProduceRequestV7);
    const records = body.topicData[0]?.partitionData[0]?.records as Buffer;
    const validated = validateBatches(records, 1_048_588);
    expect(validated.ok && validated.batches[0]?.header).toMatchObject({
      magic: 2,
      lastOffsetDelta: 1,
      firstTimestamp: 1763791200000,
      maxTimestamp: 1763791200007,
      producerId: 1001,
      producerEpoch: 0,
      baseSequence: 5,
      recordCount: 2,
    });
    expect(decodeRecords(records, 2).map((r) => [r.offset, String(r.key), String(r.value)])).toEqual([
      [0, 'sensor_000001', '{"v":1}'],
      [1, 'sensor_000002', '{"v":2}'],
    ]);
  });

  it('encodes a response that kafkajs decodes, and back', () =>
    checkResponse<ProduceResponseV7, KafkajsProduce>({
      api: 'produce/v7',
      encode: encodeProduceResponseV7,
      value: {
        responses: [
          {
            name: 'sensor-data',
            partitionResponses: [
              { index: 2, errorCode: 0, baseOffset: 4_294_967_300, logAppendTimeMs: -1, logStartOffset: 0 },
              { index: 3, errorCode: 10, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1 },
            ],
          },
        ],
        throttleTimeMs: 0,
      },
      kafkajs: {
        topics: [
          {
            topicName: 'sensor-data',
            partitions: [
              {
                partition: 2,
                errorCode: 0,
                baseOffset: '4294967300',
                logAppendTime: '-1',
                logStartOffset: '0',
              },
              { partition: 3, errorCode: 10, baseOffset: '-1', logAppendTime: '-1', logStartOffset: '-1' },
            ],
          },
        ],
        throttleTime: 0,
        clientSideThrottleTime: 0,
      },
      fromKafkajs: (k) => ({
        responses: k.topics.map((t) => ({
          name: t.topicName,
          partitionResponses: t.partitions.map((p) => ({
            index: p.partition,
            errorCode: p.errorCode,
            baseOffset: Number(p.baseOffset),
            logAppendTimeMs: Number(p.logAppendTime),
            logStartOffset: Number(p.logStartOffset),
          })),
        })),
        throttleTimeMs: k.clientSideThrottleTime,
      }),
      fixture: new URL('./fixtures/v7-response.hex', import.meta.url),
    }));
});
