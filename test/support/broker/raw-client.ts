/**
 * A bare Kafka connection for tests that need exact protocol behaviour (error codes, ordering,
 * parked requests): requests are encoded by kafkajs' own request encoders and answers decoded by
 * its response decoders (`decode`, not the error-throwing `parse`), so the wire bytes are a real
 * client's. Responses must arrive in request order; a mismatch fails the pending request.
 */
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import { FrameReader } from '../../../src/kafka/broker/server/frame-reader.ts';

const require = createRequire(import.meta.url);

interface KafkajsRequest {
  readonly apiKey: number;
  readonly apiVersion: number;
  encode(): Promise<unknown>;
}
type FrameEncoder = (input: { correlationId: number; clientId: string; request: KafkajsRequest }) => Promise<{
  buffer: Buffer;
}>;

interface Pending {
  readonly correlationId: number;
  readonly api: string;
  resolve(body: Buffer): void;
  reject(error: Error): void;
}

export class RawClient {
  private nextCorrelationId = 1;
  private readonly pending: Pending[] = [];
  private readonly frames = new FrameReader(256 * 1024 * 1024);
  /** Correlation ids of every response, in arrival order. */
  readonly arrivals: number[] = [];
  readonly closed: Promise<void>;

  private constructor(
    private readonly socket: Socket,
    private readonly clientId: string,
  ) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.frames.push(chunk)) this.receive(frame);
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    void this.closed.then(() => {
      for (const p of this.pending.splice(0))
        p.reject(new Error(`connection closed before the ${p.api} answer`));
    });
    socket.on('error', () => {});
  }

  static connect(port: number, clientId = 'raw-test'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawClient(socket, clientId)));
      socket.once('error', reject);
    });
  }

  /** Sends `api` (a kafkajs module such as `joinGroup/v5`) and resolves with kafkajs' decoding of the answer. */
  async request<T = Record<string, unknown>>(api: string, args: object): Promise<T> {
    const body = await this.send(api, args, true);
    const { decode } = require(`kafkajs/src/protocol/requests/${api}/response.js`) as {
      decode: (b: Buffer) => Promise<T>;
    };
    return decode(body as Buffer);
  }

  /** Sends a request that gets no answer (Produce with acks=0). */
  async requestNoAnswer(api: string, args: object): Promise<void> {
    await this.send(api, args, false);
  }

  /** Sends a hand-made request frame and resolves with the raw answer body (after the correlation id). */
  rawRequest(frame: Buffer): Promise<Buffer> {
    const correlationId = frame.readInt32BE(8);
    const answer = new Promise<Buffer>((resolve, reject) =>
      this.pending.push({ correlationId, api: 'raw', resolve, reject }),
    );
    this.socket.write(frame);
    return answer;
  }

  close(): Promise<void> {
    this.socket.destroy();
    return this.closed;
  }

  private async send(api: string, args: object, expectAnswer: boolean): Promise<Buffer | undefined> {
    const factory = require(`kafkajs/src/protocol/requests/${api}/request.js`) as (
      a: object,
    ) => KafkajsRequest;
    const frame = require('kafkajs/src/protocol/request.js') as FrameEncoder;
    const correlationId = this.nextCorrelationId++;
    const { buffer } = await frame({ correlationId, clientId: this.clientId, request: factory(args) });
    if (!expectAnswer) {
      this.socket.write(buffer);
      return undefined;
    }
    const answer = new Promise<Buffer>((resolve, reject) =>
      this.pending.push({ correlationId, api, resolve, reject }),
    );
    this.socket.write(buffer);
    return answer;
  }

  private receive(frame: Buffer): void {
    const correlationId = frame.readInt32BE(0);
    this.arrivals.push(correlationId);
    const next = this.pending.shift();
    if (!next) throw new Error(`unexpected response ${correlationId}`);
    if (next.correlationId !== correlationId) {
      next.reject(new Error(`response ${correlationId} arrived while ${next.correlationId} was next`));
      return;
    }
    next.resolve(frame.subarray(4));
  }
}
