/**
 * Turns one request frame into its response frame: parse the header, find the API version in the
 * registry, apply a queued test fault, run the handler, encode. Any request may come first on a
 * connection (kafkajs' fetch connection never sends ApiVersions), so there is no handshake state.
 */
import type { BodyEncoder, MaybePromise } from '../api-definition.ts';
import type { Cluster } from '../cluster.ts';
import { errorName } from '../protocol/error-code.ts';
import { Reader } from '../protocol/reader.ts';
import { type RequestHeader, readRequestHeader } from '../protocol/request-header.ts';
import { Writer } from '../protocol/writer.ts';

/** The connection must be closed: unsupported request or an injected drop. */
export const CLOSE_CONNECTION: unique symbol = Symbol('close connection');

export type DispatchResult = Buffer[] | null | typeof CLOSE_CONNECTION;

export interface Caller {
  readonly clientHost: string;
  readonly signal: AbortSignal;
}

export function dispatch(cluster: Cluster, frame: Buffer, caller: Caller): MaybePromise<DispatchResult> {
  const reader = new Reader(frame);
  const header = readRequestHeader(reader);
  const found = cluster.registry.lookup(header.apiKey, header.apiVersion);
  if (!found) {
    cluster.log.error('unsupported request, closing the connection', { ...describe(header) });
    return CLOSE_CONNECTION;
  }
  const fault = cluster.faults.take(header.apiKey);
  const context = { cluster, header, clientHost: caller.clientHost, signal: caller.signal };
  if (fault?.kind === 'drop') {
    cluster.log.info('injected fault: dropping the connection', {
      api: found.api.name,
      afterHandling: fault.afterHandling,
      ...describe(header),
    });
    if (!fault.afterHandling) return CLOSE_CONNECTION;
    const applied = found.served.serve(reader, context, null);
    return applied instanceof Promise ? applied.then(() => CLOSE_CONNECTION) : CLOSE_CONNECTION;
  }
  if (fault) cluster.log.info('injected fault', { api: found.api.name, error: errorName(fault.code) });
  const body = found.served.serve(reader, context, fault ? fault.code : null);
  return body instanceof Promise ? body.then((encoder) => frameOf(header, encoder)) : frameOf(header, body);
}

function frameOf(header: RequestHeader, encoder: BodyEncoder | null): Buffer[] | null {
  if (encoder === null) return null;
  const writer = new Writer();
  encoder(writer);
  return writer.finish(header.correlationId);
}

function describe(header: RequestHeader) {
  return { apiKey: header.apiKey, apiVersion: header.apiVersion, clientId: header.clientId };
}
