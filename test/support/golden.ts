/**
 * Golden-byte codec tests for the dev broker. Request fixtures are the exact bytes kafkajs 2.2.4's
 * own request encoders produce (full frame: size, header, body); response fixtures are the bytes the
 * broker's encoders produce, checked by kafkajs' own response decoders. Each direction is also a
 * round trip through the other implementation: fixture → broker decoder → kafkajs encoder → same
 * bytes, and fixture → kafkajs decoder → broker encoder → same bytes.
 *
 * Fixtures are hex files next to the tests. `UPDATE_GOLDEN=1 npx vitest run <file>` rewrites them;
 * review the diff before committing. Without it a missing or different fixture fails the test.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { Reader } from '../../src/kafka/broker/protocol/reader.ts';
import { type RequestHeader, readRequestHeader } from '../../src/kafka/broker/protocol/request-header.ts';
import { Writer } from '../../src/kafka/broker/protocol/writer.ts';

const require = createRequire(import.meta.url);

interface KafkajsRequest {
  readonly apiKey: number;
  readonly apiVersion: number;
  encode(): Promise<unknown>;
}
type KafkajsRequestFactory = (args: object) => KafkajsRequest;
type KafkajsFrameEncoder = (input: {
  correlationId: number;
  clientId: string;
  request: KafkajsRequest;
}) => Promise<{ buffer: Buffer }>;
type KafkajsDecode = (body: Buffer) => Promise<unknown>;

export const GOLDEN_CORRELATION_ID = 42;
export const GOLDEN_CLIENT_ID = 'golden';

/** The full request frame kafkajs sends for `args`, e.g. `kafkajsRequest('metadata/v4', {...})`. */
export async function kafkajsRequest(api: string, args: object): Promise<Buffer> {
  const factory = require(`kafkajs/src/protocol/requests/${api}/request.js`) as KafkajsRequestFactory;
  const frame = require('kafkajs/src/protocol/request.js') as KafkajsFrameEncoder;
  const encoded = await frame({
    correlationId: GOLDEN_CORRELATION_ID,
    clientId: GOLDEN_CLIENT_ID,
    request: factory(args),
  });
  return encoded.buffer;
}

/** What kafkajs' decoder makes of a response body (before its error-raising `parse`). */
export async function kafkajsDecodeResponse(api: string, body: Buffer): Promise<unknown> {
  const { decode } = require(`kafkajs/src/protocol/requests/${api}/response.js`) as { decode: KafkajsDecode };
  return decode(body);
}

/** Splits a request frame and decodes its body; fails unless every byte was consumed. */
export function decodeRequestFrame<T>(
  frame: Buffer,
  decode: (reader: Reader) => T,
): { header: RequestHeader; body: T } {
  expect(frame.readInt32BE(0)).toBe(frame.length - 4);
  const reader = new Reader(frame.subarray(4));
  const header = readRequestHeader(reader);
  const body = decode(reader);
  expect(reader.remaining, 'bytes left after decoding').toBe(0);
  return { header, body };
}

/** A response body (after the correlation id) as the broker encodes it. */
export function encodeResponseBody(encode: (writer: Writer) => void): Buffer {
  const writer = new Writer();
  encode(writer);
  const frame = Buffer.concat(writer.finish(GOLDEN_CORRELATION_ID));
  expect(frame.readInt32BE(0)).toBe(frame.length - 4);
  expect(frame.readInt32BE(4)).toBe(GOLDEN_CORRELATION_ID);
  return frame.subarray(8);
}

/** Compares `bytes` with the hex fixture at `url` (or writes it when UPDATE_GOLDEN=1). */
export function expectFixture(bytes: Buffer, url: URL): void {
  const path = fileURLToPath(url);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${wrapHex(bytes.toString('hex'))}\n`);
    return;
  }
  expect(existsSync(path), `fixture ${path} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(bytes.toString('hex')).toBe(readFixture(url).toString('hex'));
}

export function readFixture(url: URL): Buffer {
  return Buffer.from(readFileSync(url, 'utf8').replace(/\s+/g, ''), 'hex');
}

function wrapHex(hex: string): string {
  return hex.match(/.{1,64}/g)?.join('\n') ?? '';
}

export interface RequestCase<T> {
  /** kafkajs request module, e.g. `metadata/v4`. */
  readonly api: string;
  readonly apiKey: number;
  readonly apiVersion: number;
  /** Arguments for kafkajs' request encoder. */
  readonly args: object;
  readonly decode: (reader: Reader) => T;
  /** What the broker's decoder must make of kafkajs' bytes. */
  readonly expected: T;
  /** The kafkajs arguments for a decoded request, for the round trip. */
  readonly toKafkajs: (decoded: T) => object;
  readonly fixture: URL;
}

/** kafkajs bytes = fixture; broker decode = expected; kafkajs re-encode of the decoded = same bytes. */
export async function checkRequest<T>(c: RequestCase<T>): Promise<void> {
  const frame = await kafkajsRequest(c.api, c.args);
  expectFixture(frame, c.fixture);
  const { header, body } = decodeRequestFrame(frame, c.decode);
  expect(header).toEqual({
    apiKey: c.apiKey,
    apiVersion: c.apiVersion,
    correlationId: GOLDEN_CORRELATION_ID,
    clientId: GOLDEN_CLIENT_ID,
  });
  expect(body).toEqual(c.expected);
  expect((await kafkajsRequest(c.api, c.toKafkajs(body))).toString('hex')).toBe(frame.toString('hex'));
}

export interface ResponseCase<R, K> {
  readonly api: string;
  readonly encode: (writer: Writer, response: R) => void;
  readonly value: R;
  /** What kafkajs' decoder must make of the broker's bytes. */
  readonly kafkajs: K;
  /** The broker response for kafkajs' decoded form, for the round trip. */
  readonly fromKafkajs: (decoded: K) => R;
  readonly fixture: URL;
}

/** Broker bytes = fixture; kafkajs decode = expected; broker re-encode of that = same bytes. */
export async function checkResponse<R, K>(c: ResponseCase<R, K>): Promise<void> {
  const body = encodeResponseBody((w) => c.encode(w, c.value));
  expectFixture(body, c.fixture);
  const decoded = (await kafkajsDecodeResponse(c.api, body)) as K;
  expect(decoded).toEqual(c.kafkajs);
  expect(encodeResponseBody((w) => c.encode(w, c.fromKafkajs(decoded))).toString('hex')).toBe(
    body.toString('hex'),
  );
}
