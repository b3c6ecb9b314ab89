/**
 * Produces pre-encoded frames as fast as the broker answers them: one Produce v7 request per
 * partition is encoded once by kafkajs' own request encoder (so the bytes are a real client's),
 * then sent `sends` times over one connection with `window` requests outstanding. With the
 * client's encoding cost gone, this measures what the broker itself can ingest.
 */
import { createRequire } from 'node:module';
import { connect } from 'node:net';

const require = createRequire(import.meta.url);

interface KafkajsRequest {
  readonly apiKey: number;
}
type FrameEncoder = (input: { correlationId: number; clientId: string; request: KafkajsRequest }) => Promise<{
  buffer: Buffer;
}>;

export interface RawProduceJob {
  readonly port: number;
  readonly topic: string;
  readonly partitions: number;
  readonly sends: number;
  readonly batch: number;
  readonly size: number;
  readonly window: number;
}

export async function rawProduce(job: RawProduceJob): Promise<void> {
  const produce = require('kafkajs/src/protocol/requests/produce/v7/request.js') as (
    a: object,
  ) => KafkajsRequest;
  const frame = require('kafkajs/src/protocol/request.js') as FrameEncoder;
  const value = Buffer.alloc(job.size, 'x');
  const frames = await Promise.all(
    Array.from({ length: job.partitions }, async (_, partition) => {
      const messages = Array.from({ length: job.batch }, () => ({ key: null, value, timestamp: Date.now() }));
      const request = produce({
        acks: 1,
        timeout: 30_000,
        topicData: [{ topic: job.topic, partitions: [{ partition, messages }] }],
      });
      return (await frame({ correlationId: partition, clientId: 'bench-raw', request })).buffer;
    }),
  );
  const socket = connect(job.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let sent = 0;
  let answered = 0;
  let pending: Buffer = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    const sendMore = () => {
      while (sent < job.sends && sent - answered < job.window)
        socket.write(frames[sent++ % job.partitions] as Buffer);
    };
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
        const size = pending.readInt32BE(0);
        // Body: [topic] → name, [partition] → index i32, error i16: the error sits after the name.
        const nameLength = pending.readInt16BE(12);
        const error = pending.readInt16BE(14 + nameLength + 4 + 4);
        if (error !== 0) reject(new Error(`produce failed with error ${error}`));
        pending = pending.subarray(4 + size);
        answered++;
      }
      if (answered === job.sends) resolve();
      else sendMore();
    });
    sendMore();
  });
  socket.destroy();
}
