/** The dev broker's options from its settings, shared by `wattwatch broker` and `wattwatch all`. */
import type { BROKER_SETTINGS } from '../../config/broker-config.ts';
import type { ConfigOf } from '../../config/setting.ts';
import type { BrokerOptions } from '../../kafka/broker/broker-options.ts';

export function brokerOptionsFrom(config: ConfigOf<typeof BROKER_SETTINGS>): Partial<BrokerOptions> {
  return {
    host: config.brokerHost,
    port: config.brokerPort,
    advertisedHost: config.advertisedHost,
    defaultPartitions: config.defaultPartitions,
    autoCreateTopics: config.autoCreateTopics,
    retentionBytes: config.retentionBytes,
    retentionMs: config.retentionMs,
    maxMessageBytes: config.maxMessageBytes,
    minSessionTimeoutMs: config.minSessionTimeoutMs,
    maxSessionTimeoutMs: config.maxSessionTimeoutMs,
    initialRebalanceDelayMs: config.initialRebalanceDelayMs,
  };
}
