/**
 * Starts the whole system in this process: Redis (configured or private), the dev broker (unless
 * KAFKA_BROKERS is set), `serve`, `process` and `simulate`, each through the same start function
 * its own command uses. Every part that started is on the stop stack, so a failure or a signal
 * half-way through still stops what is already running.
 */
import { type RunningServer, startServer } from '../../api/start-server.ts';
import type { AllConfig } from '../../config/all-config.ts';
import { startBroker } from '../../kafka/broker/start-broker.ts';
import { createLogger } from '../../log/logger.ts';
import { startProcessor } from '../../processor/start-processor.ts';
import { type StartedSimulator, startSimulator } from '../../simulator/start-simulator.ts';
import { brokerOptionsFrom } from '../commands/broker-settings.ts';
import { serverSettingsFrom } from '../commands/serve-settings.ts';
import { type ChosenRedis, chooseRedis } from './choose-redis.ts';
import type { StopStack } from './stop-stack.ts';

export interface RunningAll {
  readonly redis: ChosenRedis;
  /** Kafka bootstrap servers in use (the dev broker's when it was started here). */
  readonly brokers: readonly string[];
  readonly devBroker: boolean;
  readonly server: RunningServer;
  readonly simulator: StartedSimulator;
  /** Settles when the processor's consumer stops; rejects if it failed for good. */
  readonly processorDone: Promise<void>;
}

/** Starts every part onto `stack`; `signal` aborts a start still waiting for Kafka or Redis. */
export async function startAll(
  config: AllConfig,
  stack: StopStack,
  signal: AbortSignal,
): Promise<RunningAll> {
  const redis = await chooseRedis(config.redisUrl);
  stack.push('redis', () => redis.stop());
  const devBroker = config.brokers.length === 0;
  const brokers = devBroker ? [await startDevBroker(config, stack)] : config.brokers;
  const parts = { ...config, redisUrl: redis.url, brokers: [...brokers] };

  const server = await startServer(serverSettingsFrom(parts)).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? new Error(`port ${config.port} is in use on ${config.host}; set API_PORT (0 = any free port)`)
      : error;
  });
  stack.push('serve', () => server.close());

  const processor = await startProcessor(parts, { log: createLogger('process'), signal });
  stack.push('process', () => processor.stop());

  const simulator = startSimulator(parts, { log: createLogger('simulate') });
  stack.push('simulate', () => simulator.stop());

  return { redis, brokers, devBroker, server, simulator, processorDone: processor.done };
}

async function startDevBroker(config: AllConfig, stack: StopStack): Promise<string> {
  const broker = await startBroker({ ...brokerOptionsFrom(config), logger: createLogger('broker') });
  stack.push('broker', () => broker.close());
  return broker.bootstrap;
}
