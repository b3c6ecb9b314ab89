import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ApiRegistry } from './api-registry.ts';
import { API_REGISTRY } from './apis/registry.ts';
import { ApiKey } from './protocol/api-key.ts';

/**
 * The first flexible version of each API key (KIP-482, from Kafka's message JSON schemas). Neither
 * kafkajs 2.2.4 nor this broker speaks flexible versions, so nothing at or above these may be
 * advertised: a client would then send tagged fields the broker cannot parse.
 */
const FIRST_FLEXIBLE_VERSION: Record<number, number> = {
  [ApiKey.Produce]: 9,
  [ApiKey.Fetch]: 12,
  [ApiKey.ListOffsets]: 6,
  [ApiKey.Metadata]: 9,
  [ApiKey.OffsetCommit]: 8,
  [ApiKey.OffsetFetch]: 6,
  [ApiKey.FindCoordinator]: 3,
  [ApiKey.JoinGroup]: 6,
  [ApiKey.Heartbeat]: 4,
  [ApiKey.LeaveGroup]: 4,
  [ApiKey.SyncGroup]: 4,
  [ApiKey.DescribeGroups]: 5,
  [ApiKey.ListGroups]: 3,
  [ApiKey.ApiVersions]: 3,
  [ApiKey.CreateTopics]: 5,
  [ApiKey.DeleteTopics]: 4,
  [ApiKey.InitProducerId]: 2,
};

/** librdkafka 2.0.2's highest version per API it uses (its rdkafka_request.c / rdkafka_feature.c). */
const LIBRDKAFKA_MAX: Record<number, number> = {
  [ApiKey.Produce]: 7,
  [ApiKey.Fetch]: 11,
  [ApiKey.ListOffsets]: 2,
  [ApiKey.Metadata]: 4,
  [ApiKey.OffsetCommit]: 7,
  [ApiKey.OffsetFetch]: 7,
  [ApiKey.FindCoordinator]: 2,
  [ApiKey.JoinGroup]: 5,
  [ApiKey.Heartbeat]: 3,
  [ApiKey.LeaveGroup]: 1,
  [ApiKey.SyncGroup]: 3,
  [ApiKey.CreateTopics]: 4,
  [ApiKey.DeleteTopics]: 1,
  [ApiKey.InitProducerId]: 4,
};

/** kafkajs' highest implemented version per API key, read from its request table. */
function kafkajsMaxVersions(): Map<number, number> {
  const require = createRequire(import.meta.url);
  const { requests } = require('kafkajs/src/protocol/requests/index.js') as {
    requests: Record<string, { versions: string[] }>;
  };
  const keys = require('kafkajs/src/protocol/requests/apiKeys.js') as Record<string, number>;
  const out = new Map<number, number>();
  for (const [name, definition] of Object.entries(requests)) {
    const key = keys[name];
    if (key !== undefined && definition.versions.length > 0)
      out.set(key, Math.max(...definition.versions.map(Number)));
  }
  return out;
}

describe('the API registry', () => {
  it('advertises no flexible version of any API', () => {
    for (const api of API_REGISTRY.advertised) {
      const firstFlexible = FIRST_FLEXIBLE_VERSION[api.apiKey];
      expect(firstFlexible, `flexible threshold of key ${api.apiKey} must be known`).toBeDefined();
      expect(api.maxVersion, `key ${api.apiKey}`).toBeLessThan(firstFlexible as number);
    }
  });

  it('advertises every API from version 0, so librdkafka enables its features', () => {
    expect(API_REGISTRY.advertised.map((a) => a.apiKey)).toEqual(Object.values(ApiKey).sort((a, b) => a - b));
    for (const api of API_REGISTRY.advertised) expect(api.minVersion).toBe(0);
  });

  it('serves exactly the version each client will pick from the advertisement', () => {
    const kafkajs = kafkajsMaxVersions();
    for (const api of API_REGISTRY.advertised) {
      const kafkajsPick = Math.min(kafkajs.get(api.apiKey) ?? -1, api.maxVersion);
      expect(
        API_REGISTRY.lookup(api.apiKey, kafkajsPick),
        `kafkajs uses v${kafkajsPick} of key ${api.apiKey}`,
      ).toBeDefined();
      const librdkafkaMax = LIBRDKAFKA_MAX[api.apiKey];
      if (librdkafkaMax === undefined) continue;
      const librdkafkaPick = Math.min(librdkafkaMax, api.maxVersion);
      expect(
        API_REGISTRY.lookup(api.apiKey, librdkafkaPick),
        `librdkafka uses v${librdkafkaPick}`,
      ).toBeDefined();
    }
  });

  it('serves nothing below the implemented version except ApiVersions 0–2', () => {
    expect(API_REGISTRY.lookup(ApiKey.Metadata, 3)).toBeUndefined();
    expect(API_REGISTRY.lookup(ApiKey.Produce, 6)).toBeUndefined();
    expect(API_REGISTRY.lookup(ApiKey.ApiVersions, 0)).toBeDefined();
    expect(
      API_REGISTRY.lookup(ApiKey.ApiVersions, 3),
      'v3 gets the UNSUPPORTED_VERSION answer',
    ).toBeDefined();
    expect(API_REGISTRY.lookup(24, 0), 'transactions are not served').toBeUndefined();
  });

  it('refuses the same key twice', () => {
    const api = API_REGISTRY.definition(ApiKey.Metadata)!;
    expect(() => new ApiRegistry([api, api])).toThrow(/registered twice/);
  });
});
