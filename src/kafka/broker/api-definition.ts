/**
 * How an API folder plugs into the broker. Each served version is a typed codec plus a handler;
 * `serveVersion` erases the request and response types so the registry can hold every API in one
 * list, and puts the fault-injection switch in one place: with a fault, `fail` builds the response
 * instead of `handle`.
 */

import type { ApiName } from './protocol/api-key.ts';
import type { Reader } from './protocol/reader.ts';
import type { Writer } from './protocol/writer.ts';
import type { RequestContext } from './request-context.ts';

/** Returned instead of a response when the client expects none (Produce with acks=0). */
export const NO_RESPONSE: unique symbol = Symbol('no response');
export type Reply<Res> = Res | typeof NO_RESPONSE;
export type MaybePromise<T> = T | Promise<T>;

export interface VersionHandler<Req, Res> {
  decode(reader: Reader): Req;
  encode(writer: Writer, response: Res): void;
  handle(request: Req, context: RequestContext): MaybePromise<Reply<Res>>;
  /** The response for an injected fault: `code` in every error field the response has. */
  fail(request: Req, code: number, context: RequestContext): Reply<Res>;
}

/** Writes a response body; null when nothing is to be sent. */
export type BodyEncoder = (writer: Writer) => void;

export interface ServedVersion {
  serve(reader: Reader, context: RequestContext, faultCode: number | null): MaybePromise<BodyEncoder | null>;
}

export interface ApiDefinition {
  readonly key: number;
  readonly name: ApiName;
  /** Implemented versions; the broker advertises [0, highest of these]. */
  readonly versions: Readonly<Record<number, ServedVersion>>;
  /** Serves any other version (ApiVersions answers newer versions with UNSUPPORTED_VERSION). */
  readonly otherVersions?: ServedVersion;
}

export function serveVersion<Req, Res>(handler: VersionHandler<Req, Res>): ServedVersion {
  const toEncoder = (reply: Reply<Res>): BodyEncoder | null =>
    reply === NO_RESPONSE ? null : (writer) => handler.encode(writer, reply);
  return {
    serve(reader, context, faultCode) {
      const request = handler.decode(reader);
      if (faultCode !== null) return toEncoder(handler.fail(request, faultCode, context));
      const reply = handler.handle(request, context);
      return reply instanceof Promise ? reply.then(toEncoder) : toEncoder(reply);
    },
  };
}
