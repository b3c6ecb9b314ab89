/**
 * The whole consumer side for browser tests, all real: the dev Kafka broker (in this process), a
 * `wattwatch process`, a `wattwatch serve` with the built dashboard and a `wattwatch simulate`, each
 * a child process on the run's private Redis under a fresh prefix. The producer can be killed on
 * its own to watch the dashboard notice.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningBroker, startBroker } from '../../src/kafka/broker/start-broker.ts';
import { processEnv } from '../support/processor-e2e.ts';
import { type CliProcess, spawnCli } from '../support/spawn-cli.ts';
import { createTestRedis, type TestRedis } from '../support/test-redis.ts';

export const DASHBOARD_DIST = join(import.meta.dirname, '..', '..', 'frontend', 'dist');

export interface LiveSystemOptions {
  readonly sensors: number;
  /** Anomaly episodes per sensor per hour. */
  readonly anomalyRate: number;
  /** Heartbeat interval of the simulator (a producer counts as gone after three missed ones). */
  readonly heartbeatMs?: number;
  /** Extra environment of the processor. */
  readonly processEnv?: Readonly<Record<string, string>>;
  /** Runs before the processes start, e.g. to put a large fleet in Redis. */
  readonly seed?: (redis: TestRedis) => Promise<void>;
}

export interface LiveSystem {
  readonly url: string;
  readonly redis: TestRedis;
  readonly broker: RunningBroker;
  readonly processor: CliProcess;
  readonly server: CliProcess;
  simulator: CliProcess;
  /** The last log lines of each process, for a failure message. */
  recentLogs(lines?: number): string;
  stop(): Promise<void>;
}

export async function startLiveSystem(options: LiveSystemOptions): Promise<LiveSystem> {
  if (!existsSync(join(DASHBOARD_DIST, 'index.html')))
    throw new Error(
      'frontend/dist is missing: run `npm run build:frontend` (npm ci does it through prepare)',
    );
  const redis = await createTestRedis();
  await options.seed?.(redis);
  const broker = await startBroker({ port: 0, defaultPartitions: 4, minSessionTimeoutMs: 1000 });
  const heartbeat = String(options.heartbeatMs ?? 1000);
  const store = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix, HEARTBEAT_INTERVAL_MS: heartbeat };
  const processor = spawnCli(['process'], {
    ...processEnv(broker, redis.url, redis.prefix, { PROCESS_CHUNK_SIZE: '500' }),
    ...store,
    ...options.processEnv,
  });
  const server = spawnCli(['serve'], {
    ...store,
    API_PORT: '0',
    DASHBOARD_DIR: DASHBOARD_DIST,
    API_RATE_LIMIT: '0',
  });
  const simulator = startSimulator(broker, options, heartbeat);
  const serving = await server.waitFor((l) => l.msg === 'serving');
  await processor.waitFor((l) => l.msg === 'processing');
  const system: LiveSystem = {
    url: String(serving.url),
    redis,
    broker,
    processor,
    server,
    simulator,
    recentLogs(lines = 4) {
      const named = { process: processor, serve: server, simulate: system.simulator };
      return Object.entries(named)
        .map(
          ([name, cli]) =>
            `${name}:\n${cli.lines
              .slice(-lines)
              .map((l) => `  ${JSON.stringify(l).slice(0, 300)}`)
              .join('\n')}`,
        )
        .join('\n');
    },
    async stop() {
      for (const child of [system.simulator, processor, server]) {
        if (child.child.exitCode === null) child.child.kill('SIGTERM');
      }
      await Promise.all([system.simulator, processor, server].map((c) => withTimeout(c.exited, 10_000, c)));
      await broker.close();
      await redis.cleanup();
    },
  };
  return system;
}

function startSimulator(broker: RunningBroker, options: LiveSystemOptions, heartbeat: string): CliProcess {
  return spawnCli(['simulate'], {
    KAFKA_BROKERS: broker.bootstrap,
    TOTAL_SENSORS: String(options.sensors),
    ANOMALY_RATE: String(options.anomalyRate),
    HEARTBEAT_INTERVAL_MS: heartbeat,
    PRODUCER_ID: 'browser-test-sim',
    KAFKA_PARTITIONS: '4',
  });
}

async function withTimeout(done: Promise<unknown>, ms: number, cli: CliProcess): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    done,
    new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        cli.child.kill('SIGKILL');
        resolve();
      }, ms);
    }),
  ]);
  clearTimeout(timer);
}
