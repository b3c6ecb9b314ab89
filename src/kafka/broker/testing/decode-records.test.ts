import { describe, expect, it } from 'vitest';
import { kafkajsBatch } from '../../../../test/support/record-batch.ts';
import { stampBaseOffset } from '../storage/record-batch-header.ts';
import { decodeRecords } from './decode-records.ts';

const T0 = 1_763_791_200_000;
const RECORDS = [
  {
    key: 'sensor_1',
    value: '{"a":1}',
    headers: { source: 'sim', trace: Buffer.from([0, 1, 2]) },
    timestamp: T0,
  },
  { key: null, value: null, timestamp: T0 + 2_000_000_000_000 },
  { key: 'k', value: 'x'.repeat(300), timestamp: T0 + 5 },
];

describe('decodeRecords', () => {
  for (const [name, compression] of [
    ['uncompressed', 0],
    ['gzip', 1],
  ] as const) {
    it(`decodes keys, values, null, headers, offsets and timestamps of a ${name} kafkajs batch`, async () => {
      const batch = await kafkajsBatch({ records: RECORDS, compression });
      stampBaseOffset(batch, 4_294_967_296);
      const records = decodeRecords(batch, 3);
      expect(records.map((r) => r.offset)).toEqual([4_294_967_296, 4_294_967_297, 4_294_967_298]);
      expect(records.map((r) => r.timestamp)).toEqual(RECORDS.map((r) => r.timestamp));
      expect(records.map((r) => r.key && String(r.key))).toEqual(['sensor_1', null, 'k']);
      expect(records.map((r) => r.value && String(r.value))).toEqual(['{"a":1}', null, 'x'.repeat(300)]);
      expect(records[0]?.headers).toEqual({ source: Buffer.from('sim'), trace: Buffer.from([0, 1, 2]) });
      expect(records.every((r) => r.partition === 3)).toBe(true);
    });
  }

  it('refuses codecs it cannot inflate instead of returning garbage', async () => {
    const batch = await kafkajsBatch({ records: [{ value: 'v' }] });
    batch.writeInt16BE(2, 21);
    expect(() => decodeRecords(batch, 0)).toThrow(/codec 2/);
  });
});
