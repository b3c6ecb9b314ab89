/**
 * kafkajs clients for broker tests, tuned for speed and quiet: short retries, fast heartbeats and
 * fetch waits (rebalances take ~0.3 s instead of ~5 s), and no kafkajs logging unless asked.
 */
import { type ConsumerConfig, Kafka, logLevel } from 'kafkajs';
import type { BrokerOptions } from '../../../src/kafka/broker/broker-options.ts';
import type { RunningBroker } from '../../../src/kafka/broker/start-broker.ts';

/** Broker options for tests: no initial rebalance delay and a low session-timeout floor. */
export const TEST_BROKER_OPTIONS: Partial<BrokerOptions> = {
  port: 0,
  initialRebalanceDelayMs: 0,
  minSessionTimeoutMs: 500,
};

export function testKafka(broker: RunningBroker, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: [broker.bootstrap],
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 50, maxRetryTime: 1000, retries: 10 },
  });
}

/** Consumer settings that make rebalances and evictions quick (the broker floor must allow them). */
export function fastConsumer(groupId: string, overrides: Partial<ConsumerConfig> = {}): ConsumerConfig {
  return {
    groupId,
    sessionTimeout: 6000,
    rebalanceTimeout: 20_000,
    heartbeatInterval: 200,
    maxWaitTimeInMs: 250,
    retry: { initialRetryTime: 50, maxRetryTime: 1000, retries: 10 },
    ...overrides,
  };
}
