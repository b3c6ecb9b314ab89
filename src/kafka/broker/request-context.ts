import type { Cluster } from './cluster.ts';
import type { RequestHeader } from './protocol/request-header.ts';

/** What a handler gets besides its request: the broker's state and who is asking. */
export interface RequestContext {
  readonly cluster: Cluster;
  readonly header: RequestHeader;
  /** The client's address as Kafka shows it in DescribeGroups, e.g. `/127.0.0.1`. */
  readonly clientHost: string;
  /** Aborted when the connection closes; parked handlers (Fetch) stop waiting. */
  readonly signal: AbortSignal;
}
