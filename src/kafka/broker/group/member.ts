/** A consumer-group member as the coordinator tracks it. */
export interface ProtocolOffer {
  readonly name: string;
  readonly metadata: Buffer;
}

export interface JoinOutcome {
  readonly errorCode: number;
  readonly generationId: number;
  readonly protocolName: string;
  readonly leader: string;
  readonly memberId: string;
  /** Filled only in the leader's answer. */
  readonly members: readonly { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
}

export interface SyncOutcome {
  readonly errorCode: number;
  readonly assignment: Buffer;
}

export interface Member {
  readonly id: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: readonly ProtocolOffer[];
  /** Bytes the leader assigned in the current generation; empty = nothing assigned. */
  assignment: Buffer;
  /** When the member is evicted unless it heartbeats, commits or rejoins first (ms epoch). */
  deadline: number;
  /** Answer to a parked JoinGroup; such a member is never evicted. */
  awaitingJoin: ((outcome: JoinOutcome) => void) | null;
  /** Answer to a parked SyncGroup; such a member is never evicted. */
  awaitingSync: ((outcome: SyncOutcome) => void) | null;
}

export const EMPTY_ASSIGNMENT: Buffer = Buffer.alloc(0);

/** The JoinGroup answer that carries only an error. */
export function joinError(errorCode: number, memberId = ''): JoinOutcome {
  return { errorCode, generationId: -1, protocolName: '', leader: '', memberId, members: [] };
}
