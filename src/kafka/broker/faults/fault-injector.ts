/**
 * Test hook: make the next request(s) of an API fail, so code built on kafkajs can test its retry
 * and error paths against the real client. A queued fault is used up by one request of that API,
 * on whichever connection sends it first:
 * - `failNext(api, code)` answers with `code` in every error field of the response;
 * - `dropNext(api)` closes the connection instead of answering, as a crashed broker would; with
 *   `afterHandling` the request is applied first, so the client retries something that already
 *   happened (how idempotent producers are tested against duplicates).
 */
import { ApiKey, type ApiName } from '../protocol/api-key.ts';

export type Fault =
  | { readonly kind: 'error'; readonly code: number }
  | { readonly kind: 'drop'; readonly afterHandling: boolean };

export interface DropOptions {
  /** Apply the request before closing the connection (default false: close without applying). */
  readonly afterHandling?: boolean;
}

export class FaultInjector {
  private readonly queued = new Map<number, Fault[]>();

  /** The next `times` requests of `api` get error `code` (e.g. 6 NOT_LEADER_FOR_PARTITION). */
  failNext(api: ApiName | number, code: number, times = 1): void {
    this.enqueue(api, { kind: 'error', code }, times);
  }

  /** The next `times` requests of `api` close their connection without an answer. */
  dropNext(api: ApiName | number, times = 1, options: DropOptions = {}): void {
    this.enqueue(api, { kind: 'drop', afterHandling: options.afterHandling ?? false }, times);
  }

  /** Faults still waiting for a request of `api` (all APIs when omitted). */
  pending(api?: ApiName | number): number {
    if (api === undefined) return [...this.queued.values()].reduce((sum, list) => sum + list.length, 0);
    return this.queued.get(keyOf(api))?.length ?? 0;
  }

  clear(): void {
    this.queued.clear();
  }

  /** Takes the fault for a request of `apiKey`, if one is queued. */
  take(apiKey: number): Fault | undefined {
    const list = this.queued.get(apiKey);
    if (!list) return undefined;
    const fault = list.shift();
    if (list.length === 0) this.queued.delete(apiKey);
    return fault;
  }

  private enqueue(api: ApiName | number, fault: Fault, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer`);
    const key = keyOf(api);
    const list = this.queued.get(key) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.queued.set(key, list);
  }
}

function keyOf(api: ApiName | number): number {
  return typeof api === 'number' ? api : ApiKey[api];
}
