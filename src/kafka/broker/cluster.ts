/**
 * The state of the single-node cluster that every handler shares: topics, groups, producer ids,
 * the fault switchboard and the API registry. There is one node, id 0, which is every partition's
 * leader, the controller and every group's coordinator.
 */
import type { ApiRegistry } from './api-registry.ts';
import type { BrokerLogger } from './broker-logger.ts';
import type { BrokerOptions } from './broker-options.ts';
import { FaultInjector } from './faults/fault-injector.ts';
import { GroupCoordinator } from './group/group-coordinator.ts';
import { TopicStore } from './storage/topic-store.ts';

export const NODE_ID = 0;
export const CLUSTER_ID = 'wattwatch-dev-broker';

export class Cluster {
  readonly topics: TopicStore;
  readonly groups: GroupCoordinator;
  readonly faults = new FaultInjector();
  readonly log: BrokerLogger;
  /** Where clients reach this node; the port is set once the server listens. */
  advertisedHost: string;
  advertisedPort = 0;
  private lastProducerId = 0;

  constructor(
    readonly options: BrokerOptions,
    readonly registry: ApiRegistry,
  ) {
    this.log = options.logger;
    this.advertisedHost = options.advertisedHost || options.host;
    this.topics = new TopicStore({ bytes: options.retentionBytes, ms: options.retentionMs });
    this.groups = new GroupCoordinator({
      initialRebalanceDelayMs: options.initialRebalanceDelayMs,
      log: options.logger,
    });
  }

  /** A fresh producer id (InitProducerId); ids start at 1000 so they never look like a default. */
  nextProducerId(): number {
    this.lastProducerId += 1;
    return 1000 + this.lastProducerId;
  }

  /** Runs the periodic work: session-timeout sweep, and age retention once a second. */
  housekeeping(now: number, tick: number): void {
    this.groups.sweep(now);
    if (tick % 10 === 0) this.topics.enforceRetention(now);
  }
}
