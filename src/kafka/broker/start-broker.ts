/**
 * Starts the dev broker: a TCP server speaking the Kafka protocol, all state in memory. Tests
 * start one per file on port 0 and read the real port from the handle; `wattwatch broker` starts
 * one from configuration. `close()` stops the server, closes every connection, releases parked
 * requests and clears all timers, so nothing keeps the process alive afterwards.
 */
import { createServer, type Socket } from 'node:net';
import { API_REGISTRY } from './apis/registry.ts';
import { type BrokerOptions, DEFAULT_BROKER_OPTIONS } from './broker-options.ts';
import { Cluster } from './cluster.ts';
import type { FaultInjector } from './faults/fault-injector.ts';
import { Connection } from './server/connection.ts';
import { type PeekedRecord, peekRecords } from './testing/peek-records.ts';
import { type GroupSnapshot, snapshotGroup } from './testing/snapshot-group.ts';
import { type BatchSummary, summarizeBatches } from './testing/summarize-batches.ts';

const HOUSEKEEPING_MS = 100;

export interface RunningBroker {
  /** The advertised host. */
  readonly host: string;
  /** The port actually listened on (the real one when started with port 0). */
  readonly port: number;
  /** `host:port`, for a client's `brokers` list. */
  readonly bootstrap: string;
  /** Test hook: fail or drop the next request(s) of an API. */
  readonly faults: FaultInjector;
  /** Test helper: the records of a topic, decoded (none and gzip compression). */
  peek(topic: string): Promise<PeekedRecord[]>;
  /** Test helper: the stored batches of a topic, without decoding records. */
  batches(topic: string): BatchSummary[];
  /** Test helper: a group's state and members, or undefined for an unknown group. */
  group(groupId: string): GroupSnapshot | undefined;
  close(): Promise<void>;
}

export async function startBroker(overrides: Partial<BrokerOptions> = {}): Promise<RunningBroker> {
  const options: BrokerOptions = Object.freeze({ ...DEFAULT_BROKER_OPTIONS, ...overrides });
  const cluster = new Cluster(options, API_REGISTRY);
  const connections = new Set<Connection>();
  const server = createServer((socket: Socket) => {
    const connection = new Connection(socket, cluster);
    connections.add(connection);
    socket.once('close', () => connections.delete(connection));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  cluster.advertisedPort = typeof address === 'object' && address ? address.port : options.port;
  let tick = 0;
  const timer = setInterval(() => cluster.housekeeping(Date.now(), ++tick), HOUSEKEEPING_MS).unref();
  const bootstrap = `${cluster.advertisedHost}:${cluster.advertisedPort}`;
  options.logger.info('broker listening', { bootstrap, listen: `${options.host}:${cluster.advertisedPort}` });

  let closing: Promise<void> | null = null;
  return {
    host: cluster.advertisedHost,
    port: cluster.advertisedPort,
    bootstrap,
    faults: cluster.faults,
    peek: (topic) => peekRecords(cluster.topics, topic),
    batches: (topic) => summarizeBatches(cluster.topics, topic),
    group: (groupId) => snapshotGroup(cluster.groups, groupId),
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(timer);
        cluster.groups.close();
        server.close(() => resolve());
        for (const connection of connections) connection.destroy();
        options.logger.info('broker stopped', { bootstrap });
      });
      return closing;
    },
  };
}
