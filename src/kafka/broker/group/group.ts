/**
 * One consumer group and its rebalance state machine (Kafka's classic protocol):
 *
 *   Empty ──join──▶ PreparingRebalance ──all joined──▶ CompletingRebalance ──leader syncs──▶ Stable
 *                        ▲   (or rebalance timeout)                │                        │
 *                        └──── join, leave, eviction ◀─────────────┴────────────────────────┘
 *
 * The generation is bumped when the join phase completes, so during PreparingRebalance members
 * still hold the valid old generation (their commits must succeed). Request validation and error
 * codes live in the API handlers; this class only moves between states and answers parked
 * JoinGroup and SyncGroup requests.
 */
import type { BrokerLogger } from '../broker-logger.ts';
import { ErrorCode } from '../protocol/error-code.ts';
import type { GroupState } from './group-state.ts';
import { EMPTY_ASSIGNMENT, type JoinOutcome, joinError, type Member, type SyncOutcome } from './member.ts';
import { selectProtocol } from './select-protocol.ts';

export interface GroupEnvironment {
  readonly initialRebalanceDelayMs: number;
  readonly log: BrokerLogger;
}

export interface CommittedOffset {
  readonly offset: number;
  readonly metadata: string;
}

export class Group {
  state: GroupState = 'Empty';
  generation = 0;
  protocolType: string | null = null;
  protocol: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  /** Member ids handed out with MEMBER_ID_REQUIRED, with when they lapse. */
  readonly pending = new Map<string, number>();
  /** Committed offsets: topic → partition → offset. */
  readonly offsets = new Map<string, Map<number, CommittedOffset>>();
  private rebalanceTimer: NodeJS.Timeout | null = null;
  private delayTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: string,
    private readonly env: GroupEnvironment,
  ) {}

  /** Adds or updates `member`, parks its join answer, and starts or re-checks a rebalance. */
  join(member: Member): Promise<JoinOutcome> {
    return new Promise((resolve) => {
      // A second join from the same member (a retry on a new connection) supersedes the first.
      member.awaitingJoin?.(joinError(ErrorCode.REBALANCE_IN_PROGRESS, member.id));
      member.awaitingJoin = resolve;
      if (this.members.size === 0) this.protocolType = member.protocolType;
      this.members.set(member.id, member);
      if (this.state !== 'PreparingRebalance') this.prepareRebalance(`member ${member.id} joined`);
      this.tryCompleteJoin();
    });
  }

  /**
   * Parks a member's SyncGroup during CompletingRebalance. The leader's sync (the one carrying
   * `assignments`) stores every member's assignment, makes the group Stable and answers all.
   */
  sync(member: Member, assignments: ReadonlyMap<string, Buffer>): Promise<SyncOutcome> {
    return new Promise((resolve) => {
      member.awaitingSync?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY_ASSIGNMENT });
      member.awaitingSync = resolve;
      if (member.id !== this.leaderId) return;
      for (const m of this.members.values()) m.assignment = assignments.get(m.id) ?? EMPTY_ASSIGNMENT;
      this.state = 'Stable';
      this.env.log.info('group stable', {
        group: this.id,
        generation: this.generation,
        members: this.members.size,
      });
      for (const m of this.members.values()) {
        const answer = m.awaitingSync;
        m.awaitingSync = null;
        answer?.({ errorCode: ErrorCode.NONE, assignment: m.assignment });
      }
    });
  }

  /** Removes a member (LeaveGroup or session timeout) and rebalances the others. */
  remove(memberId: string, reason: string): void {
    const member = this.members.get(memberId);
    if (!member) return;
    this.members.delete(memberId);
    member.awaitingJoin?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId));
    member.awaitingSync?.({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY_ASSIGNMENT });
    this.env.log.info('member removed', { group: this.id, member: memberId, reason });
    if (this.state === 'Stable' || this.state === 'CompletingRebalance') this.prepareRebalance(reason);
    this.tryCompleteJoin();
  }

  /** Evicts members whose session lapsed and forgets lapsed pending ids. */
  expire(now: number): void {
    let changed = false;
    for (const [id, lapse] of this.pending) {
      if (lapse < now) {
        this.pending.delete(id);
        changed = true;
      }
    }
    for (const member of [...this.members.values()]) {
      if (member.awaitingJoin || member.awaitingSync || member.deadline >= now) continue;
      this.remove(member.id, `session timeout (${member.sessionTimeoutMs} ms)`);
    }
    if (changed) this.tryCompleteJoin();
  }

  /** Stops the group's timers (broker shutdown). */
  close(): void {
    this.clearTimers();
  }

  private prepareRebalance(reason: string): void {
    const wasEmpty = this.state === 'Empty';
    for (const member of this.members.values()) {
      const answer = member.awaitingSync;
      member.awaitingSync = null;
      answer?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY_ASSIGNMENT });
    }
    this.state = 'PreparingRebalance';
    this.clearTimers();
    const timeout = Math.max(0, ...[...this.members.values()].map((m) => m.rebalanceTimeoutMs));
    this.rebalanceTimer = setTimeout(() => this.completeJoin(true), timeout).unref();
    if (wasEmpty && this.env.initialRebalanceDelayMs > 0) {
      this.delayTimer = setTimeout(() => {
        this.delayTimer = null;
        this.tryCompleteJoin();
      }, this.env.initialRebalanceDelayMs).unref();
    }
    this.env.log.info('rebalance started', { group: this.id, generation: this.generation, reason });
  }

  private tryCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance' || this.delayTimer !== null || this.pending.size > 0) return;
    for (const member of this.members.values()) if (!member.awaitingJoin) return;
    this.completeJoin(false);
  }

  private completeJoin(timedOut: boolean): void {
    if (this.state !== 'PreparingRebalance') return;
    this.clearTimers();
    if (timedOut) {
      for (const member of [...this.members.values()]) {
        if (member.awaitingJoin) continue;
        this.members.delete(member.id);
        this.env.log.info('member removed', {
          group: this.id,
          member: member.id,
          reason: 'rebalance timeout',
        });
      }
    }
    this.generation += 1;
    const members = [...this.members.values()];
    if (members.length === 0) {
      this.state = 'Empty';
      this.protocol = null;
      this.leaderId = null;
      this.env.log.info('group empty', { group: this.id, generation: this.generation });
      return;
    }
    this.protocol = selectProtocol(members) ?? '';
    if (this.leaderId === null || !this.members.has(this.leaderId)) this.leaderId = members[0]?.id ?? null;
    this.state = 'CompletingRebalance';
    const now = Date.now();
    const roster = members.map((m) => ({
      memberId: m.id,
      groupInstanceId: m.groupInstanceId,
      metadata: m.protocols.find((p) => p.name === this.protocol)?.metadata ?? EMPTY_ASSIGNMENT,
    }));
    this.env.log.info('join complete', {
      group: this.id,
      generation: this.generation,
      members: members.length,
    });
    for (const member of members) {
      member.deadline = now + member.sessionTimeoutMs;
      member.assignment = EMPTY_ASSIGNMENT;
      const answer = member.awaitingJoin;
      member.awaitingJoin = null;
      answer?.({
        errorCode: ErrorCode.NONE,
        generationId: this.generation,
        protocolName: this.protocol,
        leader: this.leaderId ?? '',
        memberId: member.id,
        members: member.id === this.leaderId ? roster : [],
      });
    }
  }

  private clearTimers(): void {
    if (this.rebalanceTimer) clearTimeout(this.rebalanceTimer);
    if (this.delayTimer) clearTimeout(this.delayTimer);
    this.rebalanceTimer = null;
    this.delayTimer = null;
  }
}
